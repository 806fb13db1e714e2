namespace CallKitDoctor.Logging.Reading;

/// <summary>
/// A consumer's answer to "could this entry matter to you?", asked by a reader before it materialises the entry's
/// message, raw text and other strings (<see cref="IScreenedEntrySource"/>). Answering false for an entry the consumer
/// would use is a bug; answering true is always safe.
/// </summary>
public interface IEntryScreen
{
    /// <summary>False when the consumer has no use for the entry's message or raw text. Must not throw.</summary>
    bool Wants(in EntryPreview preview);
}
