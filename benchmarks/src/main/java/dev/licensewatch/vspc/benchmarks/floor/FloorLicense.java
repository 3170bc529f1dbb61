package dev.licensewatch.vspc.benchmarks.floor;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The floor's licence: the same typed fields as the client's model (UUID, OffsetDateTime, enums,
 * Double), so that the floor does the same conversions and only leaves out the client's extras
 * (validation, lenient reporting, immutable copies). Jackson decodes into the same record in the
 * decode comparison.
 */
public record FloorLicense(
    UUID backupServerUid,
    Boolean autoUpdateEnabled,
    String edition,
    Boolean monitoring,
    List<FloorEnums.Package> packages,
    String company,
    String email,
    String contactPerson,
    OffsetDateTime expirationDate,
    OffsetDateTime supportExpirationDate,
    List<UUID> licenseIds,
    List<String> supportIds,
    List<FloorEnums.SectionType> sectionTypes,
    FloorEnums.Status status,
    FloorEnums.CloudConnect cloudConnect,
    Double sockets,
    Double usedSockets,
    Double capacity,
    Double usedCapacity,
    Double units,
    Double usedUnits,
    FloorEnums.UnitType unitType,
    FloorEnums.Type type) {}
