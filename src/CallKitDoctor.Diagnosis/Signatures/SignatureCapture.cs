namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>One capture of a signature as the matcher reads it: the field, where it comes from, and its regex group (null for the message).</summary>
internal readonly record struct SignatureCapture(CaptureField Field, CaptureSource Source, string? GroupName);
