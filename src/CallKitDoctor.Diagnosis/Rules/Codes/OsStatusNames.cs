namespace CallKitDoctor.Diagnosis.Rules.Codes;

/// <summary>Names the OSStatus values that matter to call audio, for finding messages.</summary>
public static class OsStatusNames
{
    /// <summary>AVAudioSessionErrorCodeInsufficientPriority, '!pri'.</summary>
    public const int InsufficientPriority = 561017449;

    /// <summary>The audio server's (CMSession) insufficient-priority code.</summary>
    public const int ServerInsufficientPriority = -12983;

    /// <summary>AVAudioSessionErrorCodeMissingEntitlement, 'ent?'.</summary>
    public const int MissingEntitlement = 1701737535;

    /// <summary>AVAudioSessionErrorCodeCannotInterruptOthers, '!int'.</summary>
    public const int CannotInterruptOthers = 560557684;

    /// <summary>True for both spellings of insufficient priority.</summary>
    public static bool IsInsufficientPriority(int? status) =>
        status is InsufficientPriority or ServerInsufficientPriority;

    /// <summary>A readable name: <c>561017449 ('!pri', insufficient priority)</c>.</summary>
    public static string Describe(int status)
    {
        var name = status switch
        {
            InsufficientPriority => "insufficient priority",
            ServerInsufficientPriority => "insufficient priority (audio server)",
            MissingEntitlement => "missing entitlement / no active session",
            CannotInterruptOthers => "cannot interrupt others",
            560030580 => "session busy",
            561145203 => "resource not available",
            1768841571 => "session not active",
            1836282486 => "media services failed",
            561210739 => "expired session",
            560161140 => "incompatible category",
            1936290409 => "Siri is recording",
            2003329396 => "unspecified",
            -50 => "bad parameter",
            _ => null,
        };
        var fourCc = FourCc(status);
        return (fourCc, name) switch
        {
            (not null, not null) => $"{status} ('{fourCc}', {name})",
            (null, not null) => $"{status} ({name})",
            (not null, null) => $"{status} ('{fourCc}')",
            _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The four-character code of a status whose bytes are all printable ASCII, else null.</summary>
    public static string? FourCc(int status)
    {
        if (status is > -1000 and < 1000)
        {
            return null;
        }

        Span<char> chars = stackalloc char[4];
        for (var i = 0; i < 4; i++)
        {
            var b = (status >> (24 - (8 * i))) & 0xFF;
            if (b is < 0x20 or > 0x7E)
            {
                return null;
            }

            chars[i] = (char)b;
        }

        return new string(chars);
    }
}
