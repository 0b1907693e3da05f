/* pci_types/class.c - the class code table of the PCI Code and ID
 * Assignment specification 1.15, chapter 1 (sections 1.1-1.21). */
#include "pci_types/class.h"

struct prog_if_entry {
    uint8_t prog_if;
    const char *name;
};

struct subclass_entry {
    const char *name;
    const struct prog_if_entry *prog_ifs;
    uint8_t subclass;
    uint8_t prog_if_count;
};

struct class_entry {
    const char *name;
    const struct subclass_entry *subclasses;
    uint8_t class_code;
    uint8_t subclass_count;
};

#define COUNT(a) ((uint8_t)(sizeof(a) / sizeof((a)[0])))
#define SUB(code, name) {name, 0, code, 0}
#define SUB_PI(code, name, table) {name, table, code, COUNT(table)}
#define CLASS(code, name, table) {name, table, code, COUNT(table)}

/* 1.2 Base Class 00h */
static const struct subclass_entry unclassified[] = {
    SUB(0x00, "Non-VGA-compatible unclassified device"),
    SUB(0x01, "VGA-compatible unclassified device"),
};

/* 1.3 Base Class 01h */
static const struct prog_if_entry scsi_pi[] = {
    {0x00, "vendor-specific interface"},
    {0x11, "SOP target (PQI)"},
    {0x12, "SOP controller (PQI)"},
    {0x13, "SOP target and controller (PQI)"},
    {0x21, "SOP (NVMe)"},
};
/* IDE: bit 0 primary channel native, bit 1 primary switchable, bit 2
 * secondary native, bit 3 secondary switchable, bit 7 bus master. */
static const struct prog_if_entry ide_pi[] = {
    {0x00, "ISA compatibility mode-only"},
    {0x05, "PCI native mode-only"},
    {0x0A, "ISA compatibility mode, both channels switchable to PCI native mode"},
    {0x0F, "PCI native mode, both channels switchable to ISA compatibility mode"},
    {0x80, "ISA compatibility mode-only, bus mastering"},
    {0x85, "PCI native mode-only, bus mastering"},
    {0x8A, "ISA compatibility mode, both channels switchable to PCI native mode, bus mastering"},
    {0x8F, "PCI native mode, both channels switchable to ISA compatibility mode, bus mastering"},
};
static const struct prog_if_entry ata_pi[] = {
    {0x20, "ADMA single stepping"},
    {0x30, "ADMA continuous operation"},
};
static const struct prog_if_entry sata_pi[] = {
    {0x00, "vendor-specific interface"},
    {0x01, "AHCI 1.0"},
    {0x02, "Serial Storage Bus"},
};
static const struct prog_if_entry sas_pi[] = {
    {0x00, "Serial Attached SCSI"},
    {0x01, "Serial Storage Bus"},
};
static const struct prog_if_entry nvm_pi[] = {
    {0x01, "NVMHCI"},
    {0x02, "NVM Express I/O controller"},
    {0x03, "NVM Express administrative controller"},
};
static const struct prog_if_entry ufs_pi[] = {
    {0x00, "vendor-specific interface"},
    {0x01, "UFSHCI"},
};
static const struct subclass_entry mass_storage[] = {
    SUB_PI(0x00, "SCSI controller", scsi_pi),
    SUB_PI(0x01, "IDE controller", ide_pi),
    SUB(0x02, "Floppy disk controller"),
    SUB(0x03, "IPI bus controller"),
    SUB(0x04, "RAID controller"),
    SUB_PI(0x05, "ATA controller", ata_pi),
    SUB_PI(0x06, "SATA controller", sata_pi),
    SUB_PI(0x07, "Serial Attached SCSI controller", sas_pi),
    SUB_PI(0x08, "Non-volatile memory controller", nvm_pi),
    SUB_PI(0x09, "Universal Flash Storage controller", ufs_pi),
    SUB(0x80, "Other mass storage controller"),
};

/* 1.4 Base Class 02h */
static const struct subclass_entry network[] = {
    SUB(0x00, "Ethernet controller"),
    SUB(0x01, "Token Ring controller"),
    SUB(0x02, "FDDI controller"),
    SUB(0x03, "ATM controller"),
    SUB(0x04, "ISDN controller"),
    SUB(0x05, "WorldFip controller"),
    SUB(0x06, "PICMG 2.14 Multi Computing"),
    SUB(0x07, "InfiniBand controller"),
    SUB(0x08, "Host fabric controller"),
    SUB(0x80, "Other network controller"),
};

/* 1.5 Base Class 03h */
static const struct prog_if_entry vga_pi[] = {
    {0x00, "VGA-compatible"},
    {0x01, "8514-compatible"},
};
static const struct subclass_entry display[] = {
    SUB_PI(0x00, "VGA-compatible controller", vga_pi),
    SUB(0x01, "XGA controller"),
    SUB(0x02, "3D controller"),
    SUB(0x80, "Other display controller"),
};

/* 1.6 Base Class 04h */
static const struct prog_if_entry hda_pi[] = {
    {0x00, "HD-A 1.0 compatible"},
    {0x80, "HD-A 1.0 compatible with vendor-specific extensions"},
};
static const struct subclass_entry multimedia[] = {
    SUB(0x00, "Video device"),
    SUB(0x01, "Audio device"),
    SUB(0x02, "Computer telephony device"),
    SUB_PI(0x03, "High Definition Audio device", hda_pi),
    SUB(0x80, "Other multimedia device"),
};

/* 1.7 Base Class 05h */
static const struct prog_if_entry cxl_pi[] = {
    {0x00, "vendor-specific interface"},
    {0x10, "CXL 2.0 or later"},
};
static const struct subclass_entry memory[] = {
    SUB(0x00, "RAM"),
    SUB(0x01, "Flash"),
    SUB_PI(0x02, "CXL memory device", cxl_pi),
    SUB(0x80, "Other memory controller"),
};

/* 1.8 Base Class 06h */
static const struct prog_if_entry pci_bridge_pi[] = {
    {0x00, "normal decode"},
    {0x01, "subtractive decode"},
};
static const struct prog_if_entry raceway_pi[] = {
    {0x00, "transparent mode"},
    {0x01, "endpoint mode"},
};
static const struct prog_if_entry semi_transparent_pi[] = {
    {0x40, "primary bus towards host CPU"},
    {0x80, "secondary bus towards host CPU"},
};
static const struct prog_if_entry as_bridge_pi[] = {
    {0x00, "custom interface"},
    {0x01, "ASI-SIG defined portal interface"},
};
static const struct subclass_entry bridge[] = {
    SUB(0x00, "Host bridge"),
    SUB(0x01, "ISA bridge"),
    SUB(0x02, "EISA bridge"),
    SUB(0x03, "MCA bridge"),
    SUB_PI(0x04, "PCI-to-PCI bridge", pci_bridge_pi),
    SUB(0x05, "PCMCIA bridge"),
    SUB(0x06, "NuBus bridge"),
    SUB(0x07, "CardBus bridge"),
    SUB_PI(0x08, "RACEway bridge", raceway_pi),
    SUB_PI(0x09, "Semi-transparent PCI-to-PCI bridge", semi_transparent_pi),
    SUB(0x0A, "InfiniBand-to-PCI host bridge"),
    SUB_PI(0x0B, "Advanced Switching to PCI host bridge", as_bridge_pi),
    SUB(0x80, "Other bridge device"),
};

/* 1.9 Base Class 07h */
static const struct prog_if_entry serial_pi[] = {
    {0x00, "Generic XT-compatible"},
    {0x01, "16450-compatible"},
    {0x02, "16550-compatible"},
    {0x03, "16650-compatible"},
    {0x04, "16750-compatible"},
    {0x05, "16850-compatible"},
    {0x06, "16950-compatible"},
};
static const struct prog_if_entry parallel_pi[] = {
    {0x00, "Parallel port"},
    {0x01, "Bi-directional parallel port"},
    {0x02, "ECP 1.X compliant parallel port"},
    {0x03, "IEEE1284 controller"},
    {0xFE, "IEEE1284 target device"},
};
static const struct prog_if_entry modem_pi[] = {
    {0x00, "Generic modem"},
    {0x01, "Hayes-compatible, 16450-compatible interface"},
    {0x02, "Hayes-compatible, 16550-compatible interface"},
    {0x03, "Hayes-compatible, 16650-compatible interface"},
    {0x04, "Hayes-compatible, 16750-compatible interface"},
};
static const struct subclass_entry communication[] = {
    SUB_PI(0x00, "Serial controller", serial_pi),
    SUB_PI(0x01, "Parallel controller", parallel_pi),
    SUB(0x02, "Multiport serial controller"),
    SUB_PI(0x03, "Modem", modem_pi),
    SUB(0x04, "GPIB (IEEE 488.1/2) controller"),
    SUB(0x05, "Smart Card"),
    SUB(0x80, "Other communications device"),
};

/* 1.10 Base Class 08h */
static const struct prog_if_entry pic_pi[] = {
    {0x00, "Generic 8259 PIC"},
    {0x01, "ISA PIC"},
    {0x02, "EISA PIC"},
    {0x10, "I/O APIC"},
    {0x20, "I/O(x) APIC"},
};
static const struct prog_if_entry dma_pi[] = {
    {0x00, "Generic 8237 DMA controller"},
    {0x01, "ISA DMA controller"},
    {0x02, "EISA DMA controller"},
};
static const struct prog_if_entry timer_pi[] = {
    {0x00, "Generic 8254 system timer"},
    {0x01, "ISA system timer"},
    {0x02, "EISA system timers"},
    {0x03, "High Performance Event Timer"},
};
static const struct prog_if_entry rtc_pi[] = {
    {0x00, "Generic RTC controller"},
    {0x01, "ISA RTC controller"},
};
static const struct subclass_entry system_peripheral[] = {
    SUB_PI(0x00, "Interrupt controller", pic_pi),
    SUB_PI(0x01, "DMA controller", dma_pi),
    SUB_PI(0x02, "System timer", timer_pi),
    SUB_PI(0x03, "RTC controller", rtc_pi),
    SUB(0x04, "PCI Hot-Plug controller"),
    SUB(0x05, "SD Host controller"),
    SUB(0x06, "IOMMU"),
    SUB(0x07, "Root Complex Event Collector"),
    SUB(0x80, "Other system peripheral"),
};

/* 1.11 Base Class 09h */
static const struct prog_if_entry gameport_pi[] = {
    {0x00, "Generic"},
    {0x10, "Legacy ports"},
};
static const struct subclass_entry input[] = {
    SUB(0x00, "Keyboard controller"),
    SUB(0x01, "Digitizer (pen)"),
    SUB(0x02, "Mouse controller"),
    SUB(0x03, "Scanner controller"),
    SUB_PI(0x04, "Gameport controller", gameport_pi),
    SUB(0x80, "Other input controller"),
};

/* 1.12 Base Class 0Ah */
static const struct subclass_entry docking[] = {
    SUB(0x00, "Generic docking station"),
    SUB(0x80, "Other docking station"),
};

/* 1.13 Base Class 0Bh */
static const struct subclass_entry processor[] = {
    SUB(0x00, "386"),
    SUB(0x01, "486"),
    SUB(0x02, "Pentium"),
    SUB(0x10, "Alpha"),
    SUB(0x20, "PowerPC"),
    SUB(0x30, "MIPS"),
    SUB(0x40, "Co-processor"),
};

/* 1.14 Base Class 0Ch */
static const struct prog_if_entry firewire_pi[] = {
    {0x00, "IEEE 1394 (FireWire)"},
    {0x10, "IEEE 1394 following the 1394 OpenHCI specification"},
};
static const struct prog_if_entry usb_pi[] = {
    {0x00, "UHCI"},
    {0x10, "OHCI"},
    {0x20, "EHCI"},
    {0x30, "xHCI"},
    {0x40, "USB4 Host Interface"},
    {0x80, "no specific programming interface"},
    {0xFE, "USB device"},
};
static const struct prog_if_entry ipmi_pi[] = {
    {0x00, "SMIC Interface"},
    {0x01, "Keyboard Controller Style Interface"},
    {0x02, "Block Transfer Interface"},
};
static const struct subclass_entry serial_bus[] = {
    SUB_PI(0x00, "IEEE 1394 (FireWire)", firewire_pi),
    SUB(0x01, "ACCESS.bus"),
    SUB(0x02, "SSA"),
    SUB_PI(0x03, "USB controller", usb_pi),
    SUB(0x04, "Fibre Channel"),
    SUB(0x05, "SMBus"),
    SUB(0x06, "InfiniBand"),
    SUB_PI(0x07, "IPMI", ipmi_pi),
    SUB(0x08, "SERCOS Interface (IEC 61491)"),
    SUB(0x09, "CANbus"),
    SUB(0x0A, "MIPI I3C Host Controller Interface"),
    SUB(0x80, "Other serial bus controller"),
};

/* 1.15 Base Class 0Dh */
static const struct prog_if_entry consumer_ir_pi[] = {
    {0x00, "Consumer IR controller"},
    {0x10, "UWB Radio controller"},
};
static const struct subclass_entry wireless[] = {
    SUB(0x00, "iRDA compatible controller"),
    SUB_PI(0x01, "Consumer IR controller", consumer_ir_pi),
    SUB(0x10, "RF controller"),
    SUB(0x11, "Bluetooth"),
    SUB(0x12, "Broadband"),
    SUB(0x20, "Ethernet (802.11a, 5 GHz)"),
    SUB(0x21, "Ethernet (802.11b, 2.4 GHz)"),
    SUB(0x40, "Cellular controller/modem"),
    SUB(0x41, "Cellular controller/modem plus Ethernet (802.11)"),
    SUB(0x80, "Other wireless controller"),
};

/* 1.16 Base Class 0Eh */
static const struct prog_if_entry i2o_pi[] = {
    {0x00, "Message FIFO at offset 040h"},
};
static const struct subclass_entry intelligent_io[] = {
    SUB_PI(0x00, "I2O", i2o_pi),
};

/* 1.17 Base Class 0Fh */
static const struct subclass_entry satellite[] = {
    SUB(0x01, "TV"),
    SUB(0x02, "Audio"),
    SUB(0x03, "Voice"),
    SUB(0x04, "Data"),
    SUB(0x80, "Other satellite communication controller"),
};

/* 1.18 Base Class 10h */
static const struct subclass_entry encryption[] = {
    SUB(0x00, "Network and computing encryption/decryption"),
    SUB(0x10, "Entertainment encryption/decryption"),
    SUB(0x80, "Other encryption/decryption"),
};

/* 1.19 Base Class 11h */
static const struct subclass_entry signal_processing[] = {
    SUB(0x00, "DPIO modules"),
    SUB(0x01, "Performance counters"),
    SUB(0x10, "Communications synchronization plus time and frequency test/measurement"),
    SUB(0x20, "Management card"),
    SUB(0x80, "Other data acquisition/signal processing controller"),
};

/* 1.20 Base Class 12h */
static const struct subclass_entry accelerator[] = {
    SUB(0x00, "Processing accelerator"),
    SUB(0x01, "SNIA Smart Data Accelerator Interface (SDXI) controller"),
};

/* 1.21 Base Class 13h */
static const struct subclass_entry instrumentation[] = {
    SUB(0x00, "Non-Essential Instrumentation Function"),
};

static const struct class_entry classes[] = {
    CLASS(0x00, "Unclassified device", unclassified),
    CLASS(0x01, "Mass storage controller", mass_storage),
    CLASS(0x02, "Network controller", network),
    CLASS(0x03, "Display controller", display),
    CLASS(0x04, "Multimedia device", multimedia),
    CLASS(0x05, "Memory controller", memory),
    CLASS(0x06, "Bridge device", bridge),
    CLASS(0x07, "Simple communication controller", communication),
    CLASS(0x08, "Base system peripheral", system_peripheral),
    CLASS(0x09, "Input device", input),
    CLASS(0x0A, "Docking station", docking),
    CLASS(0x0B, "Processor", processor),
    CLASS(0x0C, "Serial bus controller", serial_bus),
    CLASS(0x0D, "Wireless controller", wireless),
    CLASS(0x0E, "Intelligent I/O controller", intelligent_io),
    CLASS(0x0F, "Satellite communication controller", satellite),
    CLASS(0x10, "Encryption/decryption controller", encryption),
    CLASS(0x11, "Data acquisition and signal processing controller", signal_processing),
    CLASS(0x12, "Processing accelerator", accelerator),
    CLASS(0x13, "Non-Essential Instrumentation", instrumentation),
};

static const struct class_entry *find_class(uint8_t class_code)
{
    for (uint8_t i = 0; i < COUNT(classes); i++)
        if (classes[i].class_code == class_code)
            return &classes[i];
    return 0;
}

static const struct subclass_entry *find_subclass(uint8_t class_code, uint8_t subclass)
{
    const struct class_entry *c = find_class(class_code);
    if (!c)
        return 0;
    for (uint8_t i = 0; i < c->subclass_count; i++)
        if (c->subclasses[i].subclass == subclass)
            return &c->subclasses[i];
    return 0;
}

const char *pci_class_name(uint8_t class_code)
{
    const struct class_entry *c = find_class(class_code);
    if (c)
        return c->name;
    /* 1.1: FFh is "device does not fit in any defined classes"; the rest
     * is reserved. */
    return class_code == PCI_CLASS_UNASSIGNED ? "Device does not fit any defined class"
                                              : "Unknown class";
}

const char *pci_subclass_name(uint8_t class_code, uint8_t subclass)
{
    const struct subclass_entry *s = find_subclass(class_code, subclass);
    return s ? s->name : "Unknown subclass";
}

const char *pci_prog_if_name(uint8_t class_code, uint8_t subclass, uint8_t prog_if)
{
    const struct subclass_entry *s = find_subclass(class_code, subclass);
    if (!s)
        return 0;
    for (uint8_t i = 0; i < s->prog_if_count; i++)
        if (s->prog_ifs[i].prog_if == prog_if)
            return s->prog_ifs[i].name;
    return 0;
}

/* Appends text at *pos, counting the full length even past the buffer. */
static void append(char *buf, size_t len, size_t *pos, const char *text)
{
    for (; *text; text++, (*pos)++)
        if (buf && *pos + 1u < len)
            buf[*pos] = *text;
}

size_t pci_class_describe(uint32_t class24, char *buf, size_t len)
{
    uint8_t base = (uint8_t)(class24 >> 16), sub = (uint8_t)(class24 >> 8),
            pi = (uint8_t)class24;
    const char *pi_name = pci_prog_if_name(base, sub, pi);
    size_t pos = 0;
    if (find_subclass(base, sub))
        append(buf, len, &pos, pci_subclass_name(base, sub));
    else
        append(buf, len, &pos, pci_class_name(base));
    if (pi_name) {
        append(buf, len, &pos, ", ");
        append(buf, len, &pos, pi_name);
    }
    if (buf && len > 0)
        buf[pos < len ? pos : len - 1u] = '\0';
    return pos;
}
