using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace CallKitDoctor.Logging.Unified.Formatting.Decoders;

/// <summary>
/// The Core Location decoders: <c>location:CLClientAuthorizationStatus</c>, the state-tracker structures
/// <c>location:_CLLocationManagerStateTrackerState</c> (64 or 72 bytes), <c>location:_CLClientManagerStateTrackerState</c>
/// (8 bytes) and <c>location:_CLDaemonStatusStateTrackerState</c> (also the custom objects of location statedumps),
/// <c>location:SqliteResult</c>, <c>location:escape_only</c>, <c>location:CLDaemonStatus_Type::Reachability</c>,
/// <c>location:CLSubHarvesterIdentifier</c> and <c>location:IOMessage</c>. Structures render as compact JSON with the
/// member names (and order) <c>log</c> prints.
/// </summary>
public static class LocationDecoders
{
    private static readonly FrozenDictionary<long, string> AuthorizationStatuses = new Dictionary<long, string>
    {
        [0] = "Not Determined",
        [1] = "Restricted",
        [2] = "Denied",
        [3] = "Authorized Always",
        [4] = "Authorized When In Use",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<long, string> SqliteResults = new Dictionary<long, string>
    {
        [0] = "SQLITE_OK",
        [1] = "SQLITE_ERROR",
        [2] = "SQLITE_INTERNAL",
        [3] = "SQLITE_PERM",
        [4] = "SQLITE_ABORT",
        [5] = "SQLITE_BUSY",
        [6] = "SQLITE_LOCKED",
        [7] = "SQLITE_NOMEM",
        [8] = "SQLITE_READONLY",
        [9] = "SQLITE_INTERRUPT",
        [10] = "SQLITE_IOERR",
        [11] = "SQLITE_CORRUPT",
        [12] = "SQLITE_NOTFOUND",
        [13] = "SQLITE_FULL",
        [14] = "SQLITE_CANTOPEN",
        [15] = "SQLITE_PROTOCOL",
        [16] = "SQLITE_EMPTY",
        [17] = "SQLITE_SCHEMA",
        [18] = "SQLITE_TOOBIG",
        [19] = "SQLITE_CONSTRAINT",
        [20] = "SQLITE_MISMATCH",
        [21] = "SQLITE_MISUSE",
        [22] = "SQLITE_NOLFS",
        [23] = "SQLITE_AUTH",
        [24] = "SQLITE_FORMAT",
        [25] = "SQLITE_RANGE",
        [26] = "SQLITE_NOTADB",
        [27] = "SQLITE_NOTICE",
        [28] = "SQLITE_WARNING",
        [100] = "SQLITE_ROW",
        [101] = "SQLITE_DONE",
        [266] = "SQLITE IO ERR READ",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<long, string> Reachabilities = new Dictionary<long, string>
    {
        [0] = "kReachabilityUnavailable",
        [1] = "kReachabilitySmall",
        [2] = "kReachabilityLarge",
        [56] = "kReachabilityUnachievable",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<long, string> SubHarvesters = new Dictionary<long, string>
    {
        [1] = "Wifi",
        [2] = "Tracks",
        [3] = "Realtime",
        [4] = "App",
        [5] = "Pass",
        [6] = "Indoor",
        [7] = "Pressure",
        [8] = "Poi",
        [9] = "Trace",
        [10] = "Avenger",
        [11] = "Altimeter",
        [12] = "Ionosphere",
        [13] = "Unknown",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<long, string> IoMessages = new Dictionary<long, string>
    {
        [0xE0000270] = "CanSystemSleep",
        [0xE0000280] = "SystemWillSleep",
        [0xE0000290] = "SystemWillNotSleep",
        [0xE0000320] = "SystemWillPowerOn",
        [0xE0000310] = "SystemWillRestart",
        [0xE0000300] = "SystemHasPoweredOn",
        [0xE0000330] = "CopyClientID",
        [0xE0000340] = "SystemCapabilityChange",
        [0xE0000350] = "DeviceSignaledWakeup",
        [0xE0000010] = "ServiceIsTerminated",
        [0xE0000020] = "ServiceIsSuspended",
        [0xE0000030] = "ServiceIsResumed",
        [0xE0000100] = "ServiceIsRequestingClose",
        [0xE0000101] = "ServiceIsAttemptingOpen",
        [0xE0000110] = "ServiceWasClosed",
        [0xE0000120] = "ServiceBusyStateChange",
        [0xE0000128] = "ConsoleSecurityChange",
        [0xE0000130] = "ServicePropertyChange",
        [0xE0000200] = "CanDevicePowerOff",
        [0xE0000210] = "DeviceWillPowerOff",
        [0xE0000220] = "DeviceWillNotPowerOff",
        [0xE0000230] = "DeviceHasPoweredOn",
        [0xE0000250] = "SystemWillPowerOff",
        [0xE0000255] = "SystemPagingOff",
    }.ToFrozenDictionary();

    /// <summary><c>location:CLClientAuthorizationStatus</c>: <c>"Authorized When In Use"</c>.</summary>
    public static string AuthorizationStatus(ReadOnlySpan<byte> value) => Quoted(ValueBytes.Named(value, AuthorizationStatuses));

    /// <summary><c>location:SqliteResult</c>: <c>"SQLITE_OK"</c>.</summary>
    public static string SqliteResult(ReadOnlySpan<byte> value) => Quoted(ValueBytes.Named(value, SqliteResults));

    /// <summary><c>location:CLDaemonStatus_Type::Reachability</c>.</summary>
    public static string Reachability(ReadOnlySpan<byte> value) => ValueBytes.Named(value, Reachabilities);

    /// <summary><c>location:CLSubHarvesterIdentifier</c>.</summary>
    public static string SubHarvester(ReadOnlySpan<byte> value) => ValueBytes.Named(value, SubHarvesters);

    /// <summary><c>location:IOMessage</c>.</summary>
    public static string IoMessage(ReadOnlySpan<byte> value) => ValueBytes.TryUnsigned(value, out var number)
        ? IoMessages.TryGetValue((long)(uint)number, out var name) ? name : MessagePlaceholders.UnknownValue((long)number)
        : MessagePlaceholders.UnsupportedValue(value);

    /// <summary><c>location:escape_only</c>: the string in quotes, slashes escaped.</summary>
    public static string EscapeOnly(ReadOnlySpan<byte> value) =>
        Quoted(Encoding.UTF8.GetString(ValueBytes.CString(value)).Replace("/", "\\/", StringComparison.Ordinal));

    /// <summary><c>location:_CLClientManagerStateTrackerState</c>: <c>{"locationRestricted":false,"locationServicesEnabledStatus":1}</c>.</summary>
    public static string ClientManagerState(ReadOnlySpan<byte> value)
    {
        if (value.Length != 8)
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        var json = new JsonText();
        json.Bool("locationRestricted", value[4] != 0);
        json.Number("locationServicesEnabledStatus", BinaryPrimitives.ReadInt32LittleEndian(value));
        return json.ToString();
    }

    /// <summary><c>location:_CLLocationManagerStateTrackerState</c> (64 bytes before macOS 10.16, 72 after).</summary>
    public static string LocationManagerState(ReadOnlySpan<byte> value)
    {
        if (value.Length is not (64 or 72))
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        var v2 = value.Length == 72;
        var json = new JsonText();
        json.Bool("previousAuthorizationStatusValid", value[35] != 0);
        json.Bool("paused", value[60] != 0);
        json.Bool("requestingLocation", value[17] != 0);
        OptionalBool(json, v2, "updatingVehicleSpeed", value, 65);
        json.Number("desiredAccuracy", Double(value, 8));
        json.Bool("allowsBackgroundLocationUpdates", value[61] != 0);
        json.Bool("dynamicAccuracyReductionEnabled", value[34] != 0);
        json.Number("distanceFilter", Double(value, 0));
        json.Bool("allowsLocationPrompts", value[32] != 0);
        json.Number("activityType", BinaryPrimitives.ReadInt64LittleEndian(value[48..]));
        OptionalBool(json, v2, "groundAltitudeEnabled", value, 68);
        json.Number("pausesLocationUpdatesAutomatially", BinaryPrimitives.ReadInt32LittleEndian(value[56..]));
        OptionalBool(json, v2, "fusionInfoEnabled", value, 69);
        OptionalBool(json, v2, "isAuthorizedForWidgetUpdates", value, 71);
        OptionalBool(json, v2, "updatingVehicleHeading", value, 66);
        OptionalBool(json, v2, "batchingLocation", value, 64);
        json.Bool("showsBackgroundLocationIndicator", value[62] != 0);
        json.Bool("updatingLocation", value[16] != 0);
        json.Bool("requestingRanging", value[18] != 0);
        json.Bool("updatingHeading", value[20] != 0);
        json.Number("previousAuthorizationStatus", BinaryPrimitives.ReadInt32LittleEndian(value[36..]));
        json.Bool("allowsMapCorrection", value[63] != 0);
        OptionalBool(json, v2, "matchInfoEnabled", value, 67);
        json.Bool("allowsAlteredAccessoryLoctions", value[33] != 0);
        json.Bool("updatingRanging", value[19] != 0);
        json.Bool("limitsPrecision", value[40] != 0);
        OptionalBool(json, v2, "courtesyPromptNeeded", value, 70);
        json.Number("headingFilter", Double(value, 24));
        return json.ToString();
    }

    /// <summary><c>location:_CLDaemonStatusStateTrackerState</c> (40 bytes): battery, reachability, thermal level and modes.</summary>
    public static string DaemonStatusState(ReadOnlySpan<byte> value)
    {
        if (value.Length < 36)
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        var json = new JsonText();
        json.Number("thermalLevel", BinaryPrimitives.ReadInt32LittleEndian(value[28..]));
        json.String("reachability", Reachability(value.Slice(24, 4)));
        json.Bool("airplaneMode", value[32] != 0);
        var battery = new JsonText();
        battery.Bool("wasConnected", value[16] != 0);
        battery.Bool("charged", value[8] != 0);
        battery.Number("level", Double(value, 0));
        battery.Bool("connected", value[9] != 0);
        var charger = BinaryPrimitives.ReadInt32LittleEndian(value[12..]);
        battery.String("chargerType", charger == 0 ? "kChargerTypeUnknown" : charger.ToString(CultureInfo.InvariantCulture));
        json.Raw("batteryData", battery.ToString());
        json.Bool("restrictedMode", value[35] != 0);
        json.Bool("batterySaverModeEnabled", value[33] != 0);
        json.Bool("pushServiceConnected", value[34] != 0);
        return json.ToString();
    }

    private static void OptionalBool(JsonText json, bool present, string name, ReadOnlySpan<byte> value, int offset)
    {
        if (present)
        {
            json.Bool(name, value[offset] != 0);
        }
    }

    private static double Double(ReadOnlySpan<byte> value, int offset) => BinaryPrimitives.ReadDoubleLittleEndian(value[offset..]);

    private static string Quoted(string text) => "\"" + text + "\"";
}
