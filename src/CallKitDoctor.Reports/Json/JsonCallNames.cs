using System.Text.Json;

namespace CallKitDoctor.Reports.Json;

/// <summary>
/// The property names written for every call, event, finding and evidence line, encoded once: the writer copies
/// their bytes instead of checking and transcoding the same name again for each of millions of values.
/// </summary>
internal static class JsonCallNames
{
    public static readonly JsonEncodedText Index = JsonEncodedText.Encode("index");
    public static readonly JsonEncodedText Direction = JsonEncodedText.Encode("direction");
    public static readonly JsonEncodedText CallUuid = JsonEncodedText.Encode("callUuid");
    public static readonly JsonEncodedText AppProcess = JsonEncodedText.Encode("appProcess");
    public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
    public static readonly JsonEncodedText StartInstant = JsonEncodedText.Encode("startInstant");
    public static readonly JsonEncodedText End = JsonEncodedText.Encode("end");
    public static readonly JsonEncodedText EndInstant = JsonEncodedText.Encode("endInstant");
    public static readonly JsonEncodedText Verdict = JsonEncodedText.Encode("verdict");
    public static readonly JsonEncodedText VerdictReason = JsonEncodedText.Encode("verdictReason");
    public static readonly JsonEncodedText Events = JsonEncodedText.Encode("events");
    public static readonly JsonEncodedText Findings = JsonEncodedText.Encode("findings");
    public static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    public static readonly JsonEncodedText Instant = JsonEncodedText.Encode("instant");
    public static readonly JsonEncodedText Process = JsonEncodedText.Encode("process");
    public static readonly JsonEncodedText Pid = JsonEncodedText.Encode("pid");
    public static readonly JsonEncodedText Actor = JsonEncodedText.Encode("actor");
    public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    public static readonly JsonEncodedText Signature = JsonEncodedText.Encode("signature");
    public static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");
    public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
    public static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
    public static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
    public static readonly JsonEncodedText OnHold = JsonEncodedText.Encode("onHold");
    public static readonly JsonEncodedText Active = JsonEncodedText.Encode("active");
    public static readonly JsonEncodedText SessionId = JsonEncodedText.Encode("sessionId");
    public static readonly JsonEncodedText StatusCode = JsonEncodedText.Encode("statusCode");
    public static readonly JsonEncodedText ErrorCode = JsonEncodedText.Encode("errorCode");
    public static readonly JsonEncodedText ErrorDomain = JsonEncodedText.Encode("errorDomain");
    public static readonly JsonEncodedText ControllingPid = JsonEncodedText.Encode("controllingPid");
    public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
    public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
    public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    public static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");
    public static readonly JsonEncodedText Recommendation = JsonEncodedText.Encode("recommendation");
    public static readonly JsonEncodedText HelpUri = JsonEncodedText.Encode("helpUri");
    public static readonly JsonEncodedText CallIndex = JsonEncodedText.Encode("callIndex");
    public static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
    public static readonly JsonEncodedText Note = JsonEncodedText.Encode("note");
    public static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    public static readonly JsonEncodedText Line = JsonEncodedText.Encode("line");
    public static readonly JsonEncodedText EndLine = JsonEncodedText.Encode("endLine");
    public static readonly JsonEncodedText ByteOffset = JsonEncodedText.Encode("byteOffset");
    public static readonly JsonEncodedText InnerOffset = JsonEncodedText.Encode("innerOffset");
}
