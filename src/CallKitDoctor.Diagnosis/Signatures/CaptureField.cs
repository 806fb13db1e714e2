namespace CallKitDoctor.Diagnosis.Signatures;

/// <summary>A value a signature can extract into a <see cref="Events.CallEvent"/> (catalog names in camelCase).</summary>
public enum CaptureField
{
    /// <summary><c>callUuid</c>: a visible call UUID (<c>callUUID=…</c>, <c>uuidString = …</c>, or an argument that is a UUID).</summary>
    CallUuid,

    /// <summary><c>action</c>: the CXAction class (and, for holds, <c>onHold=</c>).</summary>
    Action,

    /// <summary><c>active</c>: an activation flag (<c>1</c>/<c>0</c>, <c>Activated</c>/<c>Deactivated</c>, <c>in</c>active).</summary>
    Active,

    /// <summary><c>sessionId</c>: an audio session id in hex (<c>0x0</c>, <c>sid:0x78587</c>).</summary>
    SessionId,

    /// <summary><c>statusCode</c>: an OSStatus in any spelling.</summary>
    StatusCode,

    /// <summary><c>error</c>: an NSError domain and code (CallKit codes go to ErrorCode/ErrorDomain, OSStatus to StatusCode).</summary>
    Error,

    /// <summary><c>controllingPid</c>: the controlling process id of an activation.</summary>
    ControllingPid,
}
