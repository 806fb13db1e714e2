using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace CallKitDoctor.Logging.Unified.Formatting.Decoders;

/// <summary>
/// The Open Directory decoders: <c>odtypes:mbr_details</c> (<c>user: -2@/Local/Default</c>), <c>odtypes:mbridtype</c>
/// (<c>UID</c>, <c>GID</c>…), <c>odtypes:nt_sid_t</c> (<c>S-1-5-21-…</c>) and <c>odtypes:ODError</c>.
/// </summary>
public static class OpenDirectoryDecoders
{
    private static readonly FrozenDictionary<long, string> IdTypes = new Dictionary<long, string>
    {
        [0] = "UID",
        [1] = "GID",
        [3] = "SID",
        [4] = "Username",
        [5] = "Groupname",
        [6] = "UUID",
        [7] = "GROUP NFS",
        [8] = "USER NFS",
        [10] = "GSS EXPORT NAME",
        [11] = "X509 DN",
        [12] = "KERBEROS",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<long, string> Errors = new Dictionary<long, string>
    {
        [0] = "ODNoError",
        [2] = "Not Found",
        [1000] = "ODErrorSessionLocalOnlyDaemonInUse",
        [1001] = "ODErrorSessionNormalDaemonInUse",
        [1002] = "ODErrorSessionDaemonNotRunning",
        [1003] = "ODErrorSessionDaemonRefused",
        [1100] = "ODErrorSessionProxyCommunicationError",
        [1101] = "ODErrorSessionProxyVersionMismatch",
        [1102] = "ODErrorSessionProxyIPUnreachable",
        [1103] = "ODErrorSessionProxyUnknownHost",
        [2000] = "ODErrorNodeUnknownName",
        [2001] = "ODErrorNodeUnknownType",
        [2002] = "ODErrorNodeDisabled",
        [2100] = "ODErrorNodeConnectionFailed",
        [2200] = "ODErrorNodeUnknownHost",
        [3000] = "ODErrorQuerySynchronize",
        [3100] = "ODErrorQueryInvalidMatchType",
        [3101] = "ODErrorQueryUnsupportedMatchType",
        [3102] = "ODErrorQueryTimeout",
        [4000] = "ODErrorRecordReadOnlyNode",
        [4001] = "ODErrorRecordPermissionError",
        [4100] = "ODErrorRecordParameterError",
        [4101] = "ODErrorRecordInvalidType",
        [4102] = "ODErrorRecordAlreadyExists",
        [4103] = "ODErrorRecordTypeDisabled",
        [4104] = "ODErrorRecordNoLongerExists",
        [4200] = "ODErrorRecordAttributeUnknownType",
        [4201] = "ODErrorRecordAttributeNotFound",
        [4202] = "ODErrorRecordAttributeValueSchemaError",
        [4203] = "ODErrorRecordAttributeValueNotFound",
        [5000] = "ODErrorCredentialsInvalid",
        [5001] = "ODErrorCredentialsInvalidComputer",
        [5100] = "ODErrorCredentialsMethodNotSupported",
        [5101] = "ODErrorCredentialsNotAuthorized",
        [5102] = "ODErrorCredentialsParameterError",
        [5103] = "ODErrorCredentialsOperationFailed",
        [5200] = "ODErrorCredentialsServerUnreachable",
        [5201] = "ODErrorCredentialsServerNotFound",
        [5202] = "ODErrorCredentialsServerError",
        [5203] = "ODErrorCredentialsServerTimeout",
        [5204] = "ODErrorCredentialsContactPrimary",
        [5205] = "ODErrorCredentialsServerCommunicationError",
        [5300] = "ODErrorCredentialsAccountNotFound",
        [5301] = "ODErrorCredentialsAccountDisabled",
        [5302] = "ODErrorCredentialsAccountExpired",
        [5303] = "ODErrorCredentialsAccountInactive",
        [5304] = "ODErrorCredentialsAccountTemporarilyLocked",
        [5305] = "ODErrorCredentialsAccountLocked",
        [5400] = "ODErrorCredentialsPasswordExpired",
        [5401] = "ODErrorCredentialsPasswordChangeRequired",
        [5402] = "ODErrorCredentialsPasswordQualityFailed",
        [5403] = "ODErrorCredentialsPasswordTooShort",
        [5404] = "ODErrorCredentialsPasswordTooLong",
        [5405] = "ODErrorCredentialsPasswordNeedsLetter",
        [5406] = "ODErrorCredentialsPasswordNeedsDigit",
        [5407] = "ODErrorCredentialsPasswordChangeTooSoon",
        [5408] = "ODErrorCredentialsPasswordUnrecoverable",
        [5500] = "ODErrorCredentialsInvalidLogonHours",
        [6000] = "ODErrorPolicyUnsupported",
        [6001] = "ODErrorPolicyOutOfRange",
        [10000] = "ODErrorPluginOperationNotSupported",
        [10001] = "ODErrorPluginError",
        [10002] = "ODErrorDaemonError",
        [10003] = "ODErrorPluginOperationTimeout",
    }.ToFrozenDictionary();

    /// <summary><c>odtypes:mbridtype</c>.</summary>
    public static string MemberIdType(ReadOnlySpan<byte> value) => ValueBytes.Named(value, IdTypes);

    /// <summary><c>odtypes:ODError</c>.</summary>
    public static string ODError(ReadOnlySpan<byte> value) => ValueBytes.Named(value, Errors);

    /// <summary>
    /// <c>odtypes:mbr_details</c>: a type byte (0x23/0xA3 user by id, 0x24/0xA0/0xA4 user by name, 0xC3 group by id,
    /// 0x44 group by name), then a 32-bit id or a C-string name, then the C-string domain.
    /// </summary>
    public static string MemberDetails(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        var (kind, byId) = value[0] switch
        {
            0x23 or 0xA3 => ("user", true),
            0x24 or 0xA0 or 0xA4 => ("user", false),
            0xC3 => ("group", true),
            0x44 => ("group", false),
            _ => (null, false),
        };
        if (kind is null)
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        var rest = value[1..];
        string who;
        if (byId)
        {
            if (rest.Length < 4)
            {
                return MessagePlaceholders.UnsupportedValue(value);
            }

            who = BinaryPrimitives.ReadInt32LittleEndian(rest).ToString(CultureInfo.InvariantCulture);
            rest = rest[4..];
        }
        else
        {
            var name = ValueBytes.CString(rest);
            who = Encoding.UTF8.GetString(name);
            rest = rest[Math.Min(rest.Length, name.Length + 1)..];
        }

        return kind + ": " + who + "@" + Encoding.UTF8.GetString(ValueBytes.CString(rest));
    }

    /// <summary><c>odtypes:nt_sid_t</c>: revision, sub-authority count, 48-bit big-endian authority, 32-bit sub-authorities.</summary>
    public static string NtSid(ReadOnlySpan<byte> value)
    {
        if (value.Length < 8 || value.Length < 8 + (4 * value[1]))
        {
            return MessagePlaceholders.UnsupportedValue(value);
        }

        ulong authority = 0;
        for (var i = 2; i < 8; i++)
        {
            authority = (authority << 8) | value[i];
        }

        var text = new StringBuilder("S-").Append(value[0]).Append('-').Append(authority);
        for (var i = 0; i < value[1]; i++)
        {
            text.Append('-').Append(BinaryPrimitives.ReadUInt32LittleEndian(value[(8 + (4 * i))..]));
        }

        return text.ToString();
    }
}
