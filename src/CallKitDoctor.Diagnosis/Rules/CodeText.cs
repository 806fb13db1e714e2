using System.Globalization;
using CallKitDoctor.Diagnosis.Codes;

namespace CallKitDoctor.Diagnosis.Rules;

/// <summary>How finding messages write status and error codes, from the shared code tables in <see cref="Codes"/>.</summary>
public static class CodeText
{
    /// <summary>AVAudioSessionErrorCodeInsufficientPriority, '!pri'.</summary>
    public const int InsufficientPriority = 561017449;

    /// <summary>The audio server's (CMSession) insufficient-priority code.</summary>
    public const int ServerInsufficientPriority = -12983;

    /// <summary>AVAudioSessionErrorCodeMissingEntitlement, 'ent?'.</summary>
    public const int MissingEntitlement = 1701737535;

    /// <summary>True for both spellings of insufficient priority.</summary>
    public static bool IsInsufficientPriority(int? status) => status is InsufficientPriority or ServerInsufficientPriority;

    /// <summary>An OSStatus for a message: <c>561017449 ('!pri', InsufficientPriority)</c>, <c>-50 (BadParam)</c>.</summary>
    public static string OsStatus(int value)
    {
        var status = new OsStatus(value);
        var fourCc = value is > -1000 and < 1000 ? null : status.FourCharCode;
        var number = value.ToString(CultureInfo.InvariantCulture);
        return (fourCc, status.Name) switch
        {
            (not null, not null) => $"{number} ('{fourCc}', {status.Name})",
            (null, not null) => $"{number} ({status.Name})",
            (not null, null) => $"{number} ('{fourCc}')",
            _ => number,
        };
    }

    /// <summary>A CallKit error for a message: <c>maximumCallGroupsReached (7)</c>. The domain defaults to request transactions.</summary>
    public static string CallKitError(int code, string? domain)
    {
        var error = new CallKitErrorCode(domain ?? CallKitErrorDomains.RequestTransaction, code);
        return error.Name is { } name
            ? string.Create(CultureInfo.InvariantCulture, $"{name} ({code})")
            : string.Create(CultureInfo.InvariantCulture, $"error {code}");
    }
}
