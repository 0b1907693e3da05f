// ObjectType of each kind of named object (ACPI 6.5 19.6.97 table)
DefinitionBlock ("", "DSDT", 2, "OSDEV", "OBJTYP", 1)
{
    Name (I1, 1)
    Name (S1, "s")
    Name (B1, Buffer () {1})
    Name (P1, Package () {1})
    OperationRegion (R1, SystemMemory, 0x1000, 0x10)
    Field (R1, ByteAcc, NoLock, Preserve) { F1, 8 }
    Device (D1) { }
    Event (E1)
    Method (M1) { }
    Mutex (X1, 0)
    PowerResource (PR1, 0, 0) { Method (_STA) { Return (1) } Method (_ON) { } Method (_OFF) { } }
    Processor (CPU1, 1, 0, 0) { }
    ThermalZone (TZ1) { }
    CreateByteField (B1, 0, BF1)
    Method (MAIN, 0)
    {
        Local0 = Package (16) {}
        Local0[0] = ObjectType (I1)
        Local0[1] = ObjectType (S1)
        Local0[2] = ObjectType (B1)
        Local0[3] = ObjectType (P1)
        Local0[4] = ObjectType (F1)
        Local0[5] = ObjectType (D1)
        Local0[6] = ObjectType (E1)
        Local0[7] = ObjectType (M1)
        Local0[8] = ObjectType (X1)
        Local0[9] = ObjectType (R1)
        Local0[10] = ObjectType (PR1)
        Local0[11] = ObjectType (CPU1)
        Local0[12] = ObjectType (TZ1)
        Local0[13] = ObjectType (BF1)
        Local0[14] = ObjectType (Debug)
        Local0[15] = ObjectType (Local7)
        Return (Local0)
    }
}
