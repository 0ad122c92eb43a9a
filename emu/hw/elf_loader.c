/* The ELF loader: validates every header, offset and size against the file and the RAM window
 * before copying. It must never trust a field of the file: all arithmetic is overflow-checked. */
#include "emu/hw/elf_loader.h"

#include <string.h>

#define EM_RISCV   243
#define PT_LOAD    1
#define SHT_SYMTAB 2

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const uint8_t *p)
{
    return (uint64_t)rd32(p) | (uint64_t)rd32(p + 4) << 32;
}

/* [off, off+n) lies inside a buffer of len bytes. */
static bool in_file(uint64_t off, uint64_t n, size_t len)
{
    return off <= len && n <= len - off;
}

bool elf_is_elf(const uint8_t *data, size_t len)
{
    return len >= 4 && memcmp(data, "\177ELF", 4) == 0;
}

static void find_htif(const uint8_t *d, size_t len, elf_info *info)
{
    uint64_t shoff = rd64(d + 0x28);
    uint16_t shentsize = rd16(d + 0x3a), shnum = rd16(d + 0x3c);
    if (shentsize < 64 || !in_file(shoff, (uint64_t)shentsize * shnum, len))
        return;
    bool have_to = false, have_from = false;
    for (unsigned i = 0; i < shnum; i++) {
        const uint8_t *sh = d + shoff + (uint64_t)i * shentsize;
        if (rd32(sh + 4) != SHT_SYMTAB)
            continue;
        uint64_t off = rd64(sh + 0x18), size = rd64(sh + 0x20), entsize = rd64(sh + 0x38);
        uint32_t link = rd32(sh + 0x28);
        if (entsize < 24 || !in_file(off, size, len) || link >= shnum)
            continue;
        const uint8_t *strh = d + shoff + (uint64_t)link * shentsize;
        uint64_t stroff = rd64(strh + 0x18), strsize = rd64(strh + 0x20);
        if (!in_file(stroff, strsize, len))
            continue;
        for (uint64_t s = 0; s + entsize <= size; s += entsize) {
            const uint8_t *sym = d + off + s;
            uint32_t name = rd32(sym);
            if (name >= strsize)
                continue;
            const char *nm = (const char *)d + stroff + name;
            size_t maxn = (size_t)(strsize - name);
            if (strnlen(nm, maxn) == maxn)
                continue; /* not terminated inside the table */
            if (strcmp(nm, "tohost") == 0) {
                info->tohost = rd64(sym + 8);
                have_to = true;
            } else if (strcmp(nm, "fromhost") == 0) {
                info->fromhost = rd64(sym + 8);
                have_from = true;
            }
        }
    }
    info->has_htif = have_to && have_from;
}

unsigned elf_segments(const uint8_t *d, size_t len, elf_segment *out, unsigned max)
{
    if (len < 64 || !elf_is_elf(d, len))
        return 0;
    uint64_t phoff = rd64(d + 0x20);
    uint16_t phentsize = rd16(d + 0x36), phnum = rd16(d + 0x38);
    if (phentsize < 56 || !in_file(phoff, (uint64_t)phentsize * phnum, len))
        return 0;
    unsigned n = 0;
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = d + phoff + (uint64_t)i * phentsize;
        uint64_t memsz = rd64(ph + 0x28);
        if (rd32(ph) != PT_LOAD || memsz == 0)
            continue;
        if (n < max)
            out[n] = (elf_segment){.index = i, .paddr = rd64(ph + 0x18), .memsz = memsz};
        n++;
    }
    return n;
}

bool elf_load(const uint8_t *d, size_t len, uint8_t *mem, uint64_t base, uint64_t size,
              elf_info *info, strbuf *err)
{
    memset(info, 0, sizeof(*info));
    if (len < 64 || !elf_is_elf(d, len)) {
        sb_puts(err, "not an ELF file (too short or bad magic)");
        return false;
    }
    if (d[4] != 2) {
        sb_puts(err, "not a 64-bit ELF (EI_CLASS is not ELFCLASS64)");
        return false;
    }
    if (d[5] != 1) {
        sb_puts(err, "not a little-endian ELF");
        return false;
    }
    if (rd16(d + 0x12) != EM_RISCV) {
        sb_printf(err, "not a RISC-V ELF (e_machine %u)", rd16(d + 0x12));
        return false;
    }
    uint64_t phoff = rd64(d + 0x20);
    uint16_t phentsize = rd16(d + 0x36), phnum = rd16(d + 0x38);
    if (phnum == 0) {
        sb_puts(err, "ELF has no program headers");
        return false;
    }
    if (phentsize < 56 || !in_file(phoff, (uint64_t)phentsize * phnum, len)) {
        sb_puts(err, "ELF program header table lies outside the file");
        return false;
    }
    int loaded = 0;
    /* Check every segment before copying any, so a bad file leaves RAM untouched. */
    for (int pass = 0; pass < 2; pass++) {
        for (unsigned i = 0; i < phnum; i++) {
            const uint8_t *ph = d + phoff + (uint64_t)i * phentsize;
            if (rd32(ph) != PT_LOAD)
                continue;
            uint64_t off = rd64(ph + 0x08), paddr = rd64(ph + 0x18);
            uint64_t filesz = rd64(ph + 0x20), memsz = rd64(ph + 0x28);
            if (memsz == 0)
                continue;
            if (pass == 0) {
                if (filesz > memsz) {
                    sb_printf(err, "ELF segment %u: p_filesz exceeds p_memsz", i);
                    return false;
                }
                if (!in_file(off, filesz, len)) {
                    sb_printf(err, "ELF segment %u: file data lies outside the file", i);
                    return false;
                }
                if (paddr < base || paddr - base > size || memsz > size - (paddr - base)) {
                    sb_printf(err,
                              "ELF segment %u: [0x%llx, +0x%llx) does not fit in RAM "
                              "[0x%llx, +0x%llx)",
                              i, (unsigned long long)paddr, (unsigned long long)memsz,
                              (unsigned long long)base, (unsigned long long)size);
                    return false;
                }
            } else {
                uint8_t *dst = mem + (paddr - base);
                memcpy(dst, d + off, (size_t)filesz);
                memset(dst + filesz, 0, (size_t)(memsz - filesz));
                if (memsz && (!loaded || paddr - base < info->lo))
                    info->lo = paddr - base;
                if (memsz && paddr - base + memsz > info->hi)
                    info->hi = paddr - base + memsz;
                loaded++;
            }
        }
    }
    if (!loaded) {
        sb_puts(err, "ELF has no loadable segment");
        return false;
    }
    info->entry = rd64(d + 0x18);
    find_htif(d, len, info);
    return true;
}
