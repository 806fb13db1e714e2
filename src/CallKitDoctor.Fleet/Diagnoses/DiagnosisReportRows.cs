using CallKitDoctor.Diagnosis.Events;
using CallKitDoctor.Diagnosis.Flows;
using CallKitDoctor.Diagnosis.Reports;

namespace CallKitDoctor.Fleet.Diagnoses;

/// <summary>The calls of a diagnosis made here, as the same rows a JSON report gives (<see cref="DiagnosisJsonReader"/>).</summary>
public static class DiagnosisReportRows
{
    public static IReadOnlyList<DiagnosedCall> From(DiagnosisReport report, string source)
    {
        var logFindings = report.Findings.Select(f => f.Id).ToList();
        var context = report.Context;
        var rows = new List<DiagnosedCall>(report.Calls.Count);
        foreach (var call in report.Calls)
        {
            var findings = call.Findings.Select(f => f.Id).Concat(logFindings).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var start = call.Start?.Instant;
            var activated = call.First(EventKind.DidActivateDelivered)?.Timestamp?.Instant;
            rows.Add(new DiagnosedCall
            {
                Source = source,
                Index = call.Index,
                CallUuid = call.CallUuid?.ToString("D").ToUpperInvariant(),
                StartedAt = start,
                Direction = call.Direction switch
                {
                    CallDirection.Incoming => "incoming",
                    CallDirection.Outgoing => "outgoing",
                    _ => "unknown",
                },
                Verdict = VerdictName(call.Verdict),
                OsVersion = OsVersionText.Number(context.OsVersion),
                OsBuild = context.OsBuild,
                DeviceModel = context.DeviceModel,
                AppVersion = context.AppVersion,
                Workaround = findings.Contains("workaround-missing") ? "false" : call.Has(EventKind.ConfigurationSet) ? "true" : "unknown",
                AppSetActive = findings.Contains("app-activated-audio") || call.Has(EventKind.AppSetActiveAttempt) ? "true" : "false",
                ActivationMs = start is { } s && activated is { } a && a >= s ? (a - s).TotalMilliseconds : null,
                Findings = findings,
            });
        }

        return rows;
    }

    /// <summary>The kebab-case verdict name of the JSON report.</summary>
    public static string VerdictName(CallVerdict verdict) => verdict switch
    {
        CallVerdict.AudioActivated => "audio-activated",
        CallVerdict.ActivationFailed => "activation-failed",
        CallVerdict.ActivationMasked => "activation-masked",
        CallVerdict.NoCallReported => "no-call-reported",
        _ => "unknown",
    };
}
