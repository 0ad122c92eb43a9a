/* run_lower(mode, fn): runs fn in U (0) or S (1) mode until it calls lower_exit(), then returns
 * in M-mode with the callee-saved registers of the caller restored. The M trap handler of a
 * test passes an ecall with a7 == 0x5151 to lower_return(). It must never be called re-entrantly. */
    .text
    .globl run_lower
run_lower:
    la t0, lower_ctx
    sd sp, 0(t0)
    sd ra, 8(t0)
    sd s0, 16(t0)
    sd s1, 24(t0)
    sd s2, 32(t0)
    sd s3, 40(t0)
    sd s4, 48(t0)
    sd s5, 56(t0)
    sd s6, 64(t0)
    sd s7, 72(t0)
    sd s8, 80(t0)
    sd s9, 88(t0)
    sd s10, 96(t0)
    sd s11, 104(t0)
    csrw mepc, a1
    li t1, 0x1800
    csrc mstatus, t1
    slli t2, a0, 11
    csrs mstatus, t2
    mret

    .globl lower_resume
lower_resume:
    la t0, lower_ctx
    ld sp, 0(t0)
    ld ra, 8(t0)
    ld s0, 16(t0)
    ld s1, 24(t0)
    ld s2, 32(t0)
    ld s3, 40(t0)
    ld s4, 48(t0)
    ld s5, 56(t0)
    ld s6, 64(t0)
    ld s7, 72(t0)
    ld s8, 80(t0)
    ld s9, 88(t0)
    ld s10, 96(t0)
    ld s11, 104(t0)
    ret

    .globl lower_exit
lower_exit:
    li a7, 0x5151
    ecall
1:  j 1b

    .data
    .align 3
lower_ctx:
    .zero 112
