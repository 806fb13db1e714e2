namespace CallKitDoctor.Logging.Reading;

/// <summary>
/// A consumer's answer to "could this entry matter to you?", asked by a reader before it materialises the entry's
/// message, raw text and other strings (<see cref="IScreenedEntrySource"/>). Answering false for an entry the consumer
/// would use is a bug; answering true is always safe. A reader may ask from another thread than the one that reads its
/// entries (text sources read ahead on a worker thread), so answers must not depend on what the consumer did meanwhile
/// and the screen must be safe to call while the consumer uses the same object.
/// </summary>
public interface IEntryScreen
{
    /// <summary>False when the consumer has no use for the entry's message or raw text. Must not throw.</summary>
    bool Wants(in EntryPreview preview);
}
