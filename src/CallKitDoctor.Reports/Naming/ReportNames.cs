using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Logging.Reading;

namespace CallKitDoctor.Reports.Naming;

/// <summary>
/// The names every output uses for the model's enums: kebab-case (<c>activation-masked</c>, <c>did-activate-delivered</c>),
/// and short display labels for the swimlanes.
/// </summary>
public static class ReportNames
{
    public static string ToName(this CallVerdict verdict) => EnumNames<CallVerdict>.Of(verdict);

    public static string ToName(this CallDirection direction) => EnumNames<CallDirection>.Of(direction);

    public static string ToName(this EventKind kind) => EnumNames<EventKind>.Of(kind);

    public static string ToName(this EventActor actor) => EnumNames<EventActor>.Of(actor);

    public static string ToName(this FindingSeverity severity) => EnumNames<FindingSeverity>.Of(severity);

    public static string ToName(this MatchConfidence confidence) => EnumNames<MatchConfidence>.Of(confidence);

    public static string ToName(this CallActionType action) => EnumNames<CallActionType>.Of(action);

    public static string ToName(this LogReadIssueSeverity severity) => EnumNames<LogReadIssueSeverity>.Of(severity);

    /// <summary>The input format's name, as the CLI's <c>--input-format</c> accepts it.</summary>
    public static string ToName(this LogInputFormat format) => InputFormatNames.Of(format);

    /// <summary>The swimlane label of an actor.</summary>
    public static string ToLaneLabel(this EventActor actor) => actor switch
    {
        EventActor.App => "app",
        EventActor.CallServices => "callservicesd",
        EventActor.AudioServer => "audio server",
        EventActor.System => "system",
        _ => "other",
    };
}
