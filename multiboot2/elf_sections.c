/* multiboot2/elf_sections.c - ELF sections tag (Multiboot2 spec 3.6.7, as
 * GRUB 2.06 writes it) and section names through the map contract. */
#include "multiboot2/elf_sections.h"

#include "multiboot2/le.h"

#define FIELD(p, type, member) ((p) + offsetof(struct type, member))

enum mb2_status mb2_elf_sections(const struct mb2_tag *tag, struct mb2_elf_sections *out)
{
    if (tag == NULL || tag->type != MB2_TAG_TYPE_ELF_SECTIONS)
        return MB2_INVALID_ARGUMENT;
    const uint32_t fixed = sizeof(struct mb2_tag_elf_sections);
    if (tag->size < fixed)
        return MB2_TAG_TRUNCATED;
    out->num = mb2_le32(FIELD(tag->bytes, mb2_tag_elf_sections, num));
    out->entsize = mb2_le32(FIELD(tag->bytes, mb2_tag_elf_sections, entsize));
    out->shndx = mb2_le32(FIELD(tag->bytes, mb2_tag_elf_sections, shndx));
    out->headers = tag->bytes + fixed;
    if (out->entsize != sizeof(struct mb2_elf32_shdr) &&
        out->entsize != sizeof(struct mb2_elf64_shdr))
        return MB2_UNSUPPORTED;
    if ((uint64_t)out->num * out->entsize > tag->size - fixed)
        return MB2_TAG_TRUNCATED;
    if (out->num > 0 && out->shndx >= out->num)
        return MB2_BAD_INDEX;
    return MB2_OK;
}

enum mb2_status mb2_elf_section_at(const struct mb2_elf_sections *sections, uint32_t index,
                                   struct mb2_elf_section *out)
{
    if (index >= sections->num)
        return MB2_BAD_INDEX;
    const uint8_t *h = sections->headers + (size_t)index * sections->entsize;
    if (sections->entsize == sizeof(struct mb2_elf32_shdr)) {
        out->sh_name = mb2_le32(FIELD(h, mb2_elf32_shdr, sh_name));
        out->sh_type = mb2_le32(FIELD(h, mb2_elf32_shdr, sh_type));
        out->sh_flags = mb2_le32(FIELD(h, mb2_elf32_shdr, sh_flags));
        out->sh_addr = mb2_le32(FIELD(h, mb2_elf32_shdr, sh_addr));
        out->sh_offset = mb2_le32(FIELD(h, mb2_elf32_shdr, sh_offset));
        out->sh_size = mb2_le32(FIELD(h, mb2_elf32_shdr, sh_size));
        out->sh_link = mb2_le32(FIELD(h, mb2_elf32_shdr, sh_link));
        out->sh_info = mb2_le32(FIELD(h, mb2_elf32_shdr, sh_info));
        out->sh_addralign = mb2_le32(FIELD(h, mb2_elf32_shdr, sh_addralign));
        out->sh_entsize = mb2_le32(FIELD(h, mb2_elf32_shdr, sh_entsize));
    } else {
        out->sh_name = mb2_le32(FIELD(h, mb2_elf64_shdr, sh_name));
        out->sh_type = mb2_le32(FIELD(h, mb2_elf64_shdr, sh_type));
        out->sh_flags = mb2_le64(FIELD(h, mb2_elf64_shdr, sh_flags));
        out->sh_addr = mb2_le64(FIELD(h, mb2_elf64_shdr, sh_addr));
        out->sh_offset = mb2_le64(FIELD(h, mb2_elf64_shdr, sh_offset));
        out->sh_size = mb2_le64(FIELD(h, mb2_elf64_shdr, sh_size));
        out->sh_link = mb2_le32(FIELD(h, mb2_elf64_shdr, sh_link));
        out->sh_info = mb2_le32(FIELD(h, mb2_elf64_shdr, sh_info));
        out->sh_addralign = mb2_le64(FIELD(h, mb2_elf64_shdr, sh_addralign));
        out->sh_entsize = mb2_le64(FIELD(h, mb2_elf64_shdr, sh_entsize));
    }
    return MB2_OK;
}

void mb2_elf_section_iter_init(struct mb2_elf_section_iter *it,
                               const struct mb2_elf_sections *sections)
{
    it->sections = sections;
    it->index = 0;
}

enum mb2_status mb2_elf_section_next(struct mb2_elf_section_iter *it, struct mb2_elf_section *out)
{
    if (it->index >= it->sections->num)
        return MB2_END;
    enum mb2_status st = mb2_elf_section_at(it->sections, it->index, out);
    it->index++;
    return st;
}

enum mb2_status mb2_elf_section_name(const struct mb2_host *host,
                                     const struct mb2_elf_sections *sections,
                                     const struct mb2_elf_section *section, char *buf,
                                     size_t buf_len)
{
    if (host == NULL || host->map == NULL || host->unmap == NULL || buf == NULL || buf_len == 0)
        return MB2_INVALID_ARGUMENT;
    struct mb2_elf_section strtab;
    enum mb2_status st = mb2_elf_section_at(sections, sections->shndx, &strtab);
    if (st != MB2_OK)
        return st;
    if (strtab.sh_type != MB2_ELF_SHT_STRTAB || strtab.sh_addr == 0)
        return MB2_NOT_FOUND;
    if (section->sh_name >= strtab.sh_size)
        return MB2_BAD_INDEX;
    const uint64_t room = strtab.sh_size - section->sh_name;
    if (strtab.sh_addr > UINT64_MAX - strtab.sh_size)
        return MB2_BAD_LENGTH;
    const size_t len = room < buf_len ? (size_t)room : buf_len;
    const uint8_t *s = host->map(host->ctx, strtab.sh_addr + section->sh_name, len);
    if (s == NULL)
        return MB2_MAP_FAILED;
    st = len == room ? MB2_BAD_STRING : MB2_BUFFER_TOO_SMALL;
    for (size_t i = 0; i < len; i++) {
        buf[i] = (char)s[i];
        if (s[i] == 0) {
            st = MB2_OK;
            break;
        }
    }
    host->unmap(host->ctx, s, len);
    if (st != MB2_OK)
        buf[0] = 0;
    return st;
}
