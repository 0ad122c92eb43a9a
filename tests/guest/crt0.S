/* Guest start-up: per-hart stack, PMP opened for S/U (QEMU denies S/U accesses without a PMP
 * entry), trap vector, then main() on hart 0 and secondary_main() on the others. It must never
 * touch a0/a1 before main(): they reach it as the boot ROM set them (hart id, device tree). */
    .section .text.init
    .globl _start
_start:
    csrr t0, mhartid
    addi t1, t0, 1
    slli t1, t1, 14
    la sp, __stacks
    add sp, sp, t1
    li t2, -1
    csrw pmpaddr0, t2
    li t2, 0x1f
    csrw pmpcfg0, t2
    la t2, trap_entry
    csrw mtvec, t2
    bnez t0, 1f
    call main
    call guest_exit
1:  mv a0, t0
    call secondary_main
2:  wfi
    j 2b

/* Saves all registers in a frame on the stack and calls trap_handler(frame); the handler may
 * change frame->epc (slot 0) and any saved register. */
    .align 2
    .globl trap_entry
trap_entry:
    addi sp, sp, -256
    sd ra, 8(sp)
    sd gp, 24(sp)
    sd tp, 32(sp)
    sd t0, 40(sp)
    sd t1, 48(sp)
    sd t2, 56(sp)
    sd s0, 64(sp)
    sd s1, 72(sp)
    sd a0, 80(sp)
    sd a1, 88(sp)
    sd a2, 96(sp)
    sd a3, 104(sp)
    sd a4, 112(sp)
    sd a5, 120(sp)
    sd a6, 128(sp)
    sd a7, 136(sp)
    sd s2, 144(sp)
    sd s3, 152(sp)
    sd s4, 160(sp)
    sd s5, 168(sp)
    sd s6, 176(sp)
    sd s7, 184(sp)
    sd s8, 192(sp)
    sd s9, 200(sp)
    sd s10, 208(sp)
    sd s11, 216(sp)
    sd t3, 224(sp)
    sd t4, 232(sp)
    sd t5, 240(sp)
    sd t6, 248(sp)
    addi t0, sp, 256
    sd t0, 16(sp)
    csrr t0, mepc
    sd t0, 0(sp)
    mv a0, sp
    call trap_handler
    ld t0, 0(sp)
    csrw mepc, t0
    ld ra, 8(sp)
    ld gp, 24(sp)
    ld tp, 32(sp)
    ld t0, 40(sp)
    ld t1, 48(sp)
    ld t2, 56(sp)
    ld s0, 64(sp)
    ld s1, 72(sp)
    ld a0, 80(sp)
    ld a1, 88(sp)
    ld a2, 96(sp)
    ld a3, 104(sp)
    ld a4, 112(sp)
    ld a5, 120(sp)
    ld a6, 128(sp)
    ld a7, 136(sp)
    ld s2, 144(sp)
    ld s3, 152(sp)
    ld s4, 160(sp)
    ld s5, 168(sp)
    ld s6, 176(sp)
    ld s7, 184(sp)
    ld s8, 192(sp)
    ld s9, 200(sp)
    ld s10, 208(sp)
    ld s11, 216(sp)
    ld t3, 224(sp)
    ld t4, 232(sp)
    ld t5, 240(sp)
    ld t6, 248(sp)
    addi sp, sp, 256
    mret

/* The same for traps delegated to S-mode. */
    .align 2
    .globl strap_entry
strap_entry:
    addi sp, sp, -256
    sd ra, 8(sp)
    sd t0, 40(sp)
    sd t1, 48(sp)
    sd t2, 56(sp)
    sd a0, 80(sp)
    sd a1, 88(sp)
    sd a2, 96(sp)
    sd a3, 104(sp)
    sd a4, 112(sp)
    sd a5, 120(sp)
    sd a6, 128(sp)
    sd a7, 136(sp)
    sd t3, 224(sp)
    sd t4, 232(sp)
    sd t5, 240(sp)
    sd t6, 248(sp)
    csrr t0, sepc
    sd t0, 0(sp)
    mv a0, sp
    call strap_handler
    ld t0, 0(sp)
    csrw sepc, t0
    ld ra, 8(sp)
    ld t0, 40(sp)
    ld t1, 48(sp)
    ld t2, 56(sp)
    ld a0, 80(sp)
    ld a1, 88(sp)
    ld a2, 96(sp)
    ld a3, 104(sp)
    ld a4, 112(sp)
    ld a5, 120(sp)
    ld a6, 128(sp)
    ld a7, 136(sp)
    ld t3, 224(sp)
    ld t4, 232(sp)
    ld t5, 240(sp)
    ld t6, 248(sp)
    addi sp, sp, 256
    sret
