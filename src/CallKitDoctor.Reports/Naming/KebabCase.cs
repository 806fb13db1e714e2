using System.Text;

namespace CallKitDoctor.Reports.Naming;

/// <summary>Turns PascalCase identifiers into the kebab-case names the outputs use (<c>ActivationMasked</c> → <c>activation-masked</c>).</summary>
public static class KebabCase
{
    public static string From(string pascal)
    {
        var builder = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                // A new word starts at an upper-case letter after a lower-case one or a digit,
                // or at the last capital of an acronym followed by a lower-case letter (IoFailed, XMLParser → xml-parser).
                var startsWord = i > 0 &&
                    (char.IsLower(pascal[i - 1]) || char.IsDigit(pascal[i - 1]) ||
                     (char.IsUpper(pascal[i - 1]) && i + 1 < pascal.Length && char.IsLower(pascal[i + 1])));
                if (startsWord)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
