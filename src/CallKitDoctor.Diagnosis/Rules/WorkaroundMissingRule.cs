using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Findings;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>
/// <c>workaround-missing</c>: a call was reported (or started) with no setConfiguration between the VoIP payload
/// delivery — or the previous call's end — and the report, while no other call was active. When the log cannot show
/// that window (it starts just before the report, has a hole, or has no CallKit framework lines), it reports a
/// coverage gap instead: the configuration may predate the log and have been purged.
/// </summary>
public sealed class WorkaroundMissingRule : DiagnosticRule
{
    /// <summary>Without a push or previous end, how many events before the report to look through at most.</summary>
    private const int MaxLookbackEvents = 10_000;

    public override void Analyze(RuleContext context)
    {
        var previous = context.PrecedingCall;
        foreach (var call in context.Calls)
        {
            if (call.Opening is not null)
            {
                Check(context, call, previous);
                previous = call;
            }
        }
    }

    private static void Check(RuleContext context, CallFlow call, CallFlow? previous)
    {
        var report = ReportOf(call);
        if (context.ActiveCallAt(report, call) is not null)
        {
            // Another call is active: DTS advises against setConfiguration then, so its absence is right.
            return;
        }

        var timeline = context.Timeline;
        var reportPosition = timeline.PositionOf(report);
        var (windowStart, windowName) = WindowStart(context, call, previous, report);
        if (windowStart is null ? RecentConfiguration(context, report, reportPosition) : ConfigurationSince(context, windowStart, reportPosition))
        {
            return;
        }

        var what = call.Direction == CallDirection.Outgoing ? "started" : "reported";
        var evidence = new List<Evidence>();
        if (windowStart is not null)
        {
            evidence.Add(RuleContext.Cite(windowStart, windowName));
        }

        evidence.AddRange(call.Events
            .Where(e => e.Kind is EventKind.IncomingCallReported or EventKind.IncomingCallReceived or EventKind.OutgoingCallStarted)
            .Select(e => RuleContext.Cite(e, $"call {what} without setConfiguration before it")));

        if (!context.CallKitFrameworkVisible)
        {
            context.ReportCoverageGap(call,
                $"Call #{call.Index} was {what} at {RuleContext.When(report)}, but the log has no CallKit framework lines " +
                "(from the app's CXProvider or from callservicesd), so it cannot show whether setConfiguration was called before it.",
                evidence);
            return;
        }

        if (WhyNotCovered(context, call, windowStart, report) is { } reason)
        {
            context.ReportCoverageGap(call,
                $"No setConfiguration is logged before call #{call.Index} was {what} at {RuleContext.When(report)}, but {reason}; " +
                "the configuration may predate the log window (set earlier and purged).",
                evidence);
            return;
        }

        var since = windowStart is null
            ? $"in the {RuleContext.Describe(context.Options.ConfigurationLookback)} of log before it"
            : $"since the {windowName} at {RuleContext.When(windowStart)}";
        context.Report(FindingDescriptors.WorkaroundMissing,
            $"Call #{call.Index} was {what} at {RuleContext.When(report)} with no setConfiguration {since}, while no other call was active.",
            evidence, call);
    }

    /// <summary>The moment the call was reported: the app's report line when present, else the opening event.</summary>
    private static CallEvent ReportOf(CallFlow call) =>
        call.Events.Find(e => e.Kind == EventKind.IncomingCallReported && e.Actor == EventActor.App) ?? call.Opening!;

    /// <summary>The start of the window in which setConfiguration must appear: the push that led to the call, or the end of the previous call.</summary>
    private static (CallEvent? Event, string Name) WindowStart(RuleContext context, CallFlow call, CallFlow? previous, CallEvent report)
    {
        var push = context.EventsBefore(call, report).FirstOrDefault(e =>
            e.Kind is EventKind.PushReceived or EventKind.AppLaunched or EventKind.VoipPayloadDelivered);
        if (push is not null)
        {
            return (push, push.Kind switch
            {
                EventKind.PushReceived => "VoIP push",
                EventKind.AppLaunched => "app launch for the push",
                _ => "VoIP payload delivery",
            });
        }

        if (previous?.Ending is { } ended && context.Timeline.IsBefore(ended, report))
        {
            return (ended, $"end of call #{previous.Index}");
        }

        return (null, "");
    }

    /// <summary>
    /// A configuration between the window start and the report. When the start is the end of a call of an earlier
    /// episode (not in the timeline), the earlier episodes' lines after it count too.
    /// </summary>
    private static bool ConfigurationSince(RuleContext context, CallEvent windowStart, int reportPosition)
    {
        var timeline = context.Timeline;
        var start = timeline.PositionOf(windowStart);
        return timeline.Between(start, reportPosition).Any(IsConfiguration) || (start < 0 && context.ConfigurationAfterPrecedingCall);
    }

    /// <summary>
    /// Without a push or previous end in the log, a configuration counts only when it is "right before" the report:
    /// the look-back walks back over recent (or untimed) lines, into the earlier episodes' untimed tail if it gets
    /// that far.
    /// </summary>
    private static bool RecentConfiguration(RuleContext context, CallEvent report, int reportPosition)
    {
        var walked = 0;
        foreach (var e in context.Timeline.Preceding(reportPosition, MaxLookbackEvents))
        {
            if (!IsRecentEnough(context, e, report))
            {
                return false;
            }

            if (IsConfiguration(e))
            {
                return true;
            }

            walked++;
        }

        return walked == reportPosition && walked < MaxLookbackEvents && context.UntimedConfigurationBefore;
    }

    private static bool IsConfiguration(CallEvent e) => e.Kind is EventKind.ConfigurationSet or EventKind.ConfigurationRegistered;

    /// <summary>Without a push or previous end in the log, a configuration counts only when it is "right before" the report.</summary>
    private static bool IsRecentEnough(RuleContext context, CallEvent e, CallEvent report) =>
        e.Timestamp is not { } c || report.Timestamp is not { } r ||
        r.Subtract(c) <= context.Options.ConfigurationLookback;

    /// <summary>
    /// For a logarchive: why an ordinary CallKit line at <paramref name="from"/> would not be in it (the stores that
    /// hold such lines start later), or null.
    /// </summary>
    private static string? StoresStartAfter(RuleContext context, LogTimestamp from)
    {
        var coverage = context.Coverage;
        if (!coverage.HasStores)
        {
            return null;
        }

        return coverage.LoggedFrom switch
        {
            null => "no log store that keeps CallKit's ordinary lines (Persist, live data) has any entry",
            { } start when start > from =>
                $"the log stores that keep CallKit's ordinary lines (Persist, live data) start only at {RuleContext.When(start)}, so earlier lines were not logged",
            _ => null,
        };
    }

    /// <summary>Null when the log shows the whole window before the report, else why not.</summary>
    private static string? WhyNotCovered(RuleContext context, CallFlow call, CallEvent? windowStart, CallEvent report)
    {
        if (report.Timestamp is not { } reportTime)
        {
            return "the report line has no timestamp";
        }

        if (windowStart is not null)
        {
            if (windowStart.Timestamp is { } startTime && !context.Coverage.Covers(startTime, reportTime))
            {
                return StoresStartAfter(context, startTime) ?? $"the log has a hole between {RuleContext.When(windowStart)} and the report";
            }

            return null;
        }

        if (RuleContext.Shift(reportTime, -context.Options.ConfigurationLookback) is not { } from)
        {
            return "the log starts right before it";
        }

        if (StoresStartAfter(context, from) is { } storeReason)
        {
            return storeReason;
        }

        if (context.Coverage.First is { } first && first > from)
        {
            return $"the log starts only {RuleContext.Describe(reportTime.Subtract(first))} before it";
        }

        if (!context.Coverage.Covers(from, reportTime))
        {
            return $"the log has a hole in the {RuleContext.Describe(context.Options.ConfigurationLookback)} before it";
        }

        if (call.AppProcess is { } app && context.Coverage.WindowOf(app) is { } appWindow && appWindow.First > from)
        {
            return $"the app's ({app}) own lines start only {RuleContext.Describe(reportTime.Subtract(appWindow.First))} before it";
        }

        return null;
    }
}
