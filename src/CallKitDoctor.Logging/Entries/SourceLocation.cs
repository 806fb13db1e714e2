namespace CallKitDoctor.Logging.Entries;

/// <summary>
/// A source file and line named by the message itself (<c>AVAudioSession_iOS.mm:984</c>,
/// <c>[CallsController.swift:307 -- invalidateProvider(:)]</c>), or by the binary entry's sender program counter.
/// </summary>
public readonly record struct SourceLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
