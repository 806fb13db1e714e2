namespace CallKitDoctor.Fleet.Telemetry;

/// <summary>
/// The documented telemetry schema: one row per call. Only <see cref="DidActivate"/> is required; any other column
/// of the file (documented or not) can be grouped by.
/// </summary>
public static class TelemetrySchema
{
    public const string CallId = "call_id";
    public const string StartedAt = "started_at";
    public const string Direction = "direction";
    public const string OsVersion = "os_version";
    public const string OsBuild = "os_build";
    public const string AppVersion = "app_version";
    public const string DeviceModel = "device_model";
    public const string AppState = "app_state";
    public const string Workaround = "workaround";
    public const string AppSetActive = "app_set_active";
    public const string DidActivate = "did_activate";
    public const string ActivationMs = "activation_ms";

    public static IReadOnlyList<TelemetryColumn> Columns { get; } =
    [
        new(CallId, TelemetryColumnType.Text, "The call's identifier (informational)."),
        new(StartedAt, TelemetryColumnType.Timestamp, "When the call was reported to CallKit, ISO 8601 (a zone offset or Z; UTC when absent)."),
        new(Direction, TelemetryColumnType.Text, "incoming | outgoing."),
        new(OsVersion, TelemetryColumnType.Text, "The iOS version, e.g. 18.4.1."),
        new(OsBuild, TelemetryColumnType.Text, "The iOS build, e.g. 22E252."),
        new(AppVersion, TelemetryColumnType.Text, "The app's version."),
        new(DeviceModel, TelemetryColumnType.Text, "The device model identifier, e.g. iPhone16,2."),
        new(AppState, TelemetryColumnType.Text, "foreground | background | not_running when the call was reported."),
        new(Workaround, TelemetryColumnType.Text, "true | false | unknown: setConfiguration sent right before the report."),
        new(AppSetActive, TelemetryColumnType.Text, "true | false | unknown: the app called setActive itself."),
        new(DidActivate, TelemetryColumnType.Boolean, "Required. true when CallKit delivered provider(_:didActivate:); false is a failure."),
        new(ActivationMs, TelemetryColumnType.Number, "Milliseconds from the report to didActivate (empty when it never came)."),
    ];

    /// <summary>The prefix of a column flagging a finding: <c>finding_session-id-zero</c> is true when the call had it.</summary>
    public const string FindingPrefix = "finding_";

    /// <summary>True for a finding column (<see cref="FindingPrefix"/> and an id).</summary>
    public static bool IsFindingColumn(string name) =>
        name.Length > FindingPrefix.Length && name.StartsWith(FindingPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The documented column named <paramref name="name"/>, or null.</summary>
    public static TelemetryColumn? Find(string name) =>
        Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
