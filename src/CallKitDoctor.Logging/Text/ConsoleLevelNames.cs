using CallKitDoctor.Logging.Entries;

namespace CallKitDoctor.Logging.Text;

/// <summary>
/// The words Console.app prints in its Type column, in the languages it ships. English and French are taken from real
/// captures; the other languages follow the wording of Apple's localizations as best known and are unverified —
/// the Console reader never depends on them: an unknown word before the time column still reads (level unknown).
/// </summary>
internal static class ConsoleLevelNames
{
    private static readonly (string Word, LogLevel Level)[] Words =
    [
        // English (verified: cases 001, 025)
        ("default", LogLevel.Default), ("info", LogLevel.Info), ("debug", LogLevel.Debug),
        ("error", LogLevel.Error), ("fault", LogLevel.Fault), ("notice", LogLevel.Default),

        // French (verified: case 005)
        ("par défaut", LogLevel.Default), ("défaut", LogLevel.Default), ("débogage", LogLevel.Debug),
        ("erreur", LogLevel.Error), ("erreur grave", LogLevel.Fault), ("faute", LogLevel.Fault),

        // German (unverified)
        ("standard", LogLevel.Default), ("fehlersuche", LogLevel.Debug), ("fehler", LogLevel.Error),
        ("störung", LogLevel.Fault), ("schwerer fehler", LogLevel.Fault),

        // Spanish (unverified)
        ("predeterminado", LogLevel.Default), ("por omisión", LogLevel.Default), ("información", LogLevel.Info),
        ("depuración", LogLevel.Debug), ("error grave", LogLevel.Fault), ("fallo", LogLevel.Fault),

        // Italian (unverified)
        ("predefinito", LogLevel.Default), ("informazioni", LogLevel.Info), ("errore", LogLevel.Error),
        ("errore grave", LogLevel.Fault), ("guasto", LogLevel.Fault),

        // Portuguese (unverified)
        ("padrão", LogLevel.Default), ("informação", LogLevel.Info), ("depuração", LogLevel.Debug),
        ("erro", LogLevel.Error), ("erro grave", LogLevel.Fault), ("falha", LogLevel.Fault),

        // Dutch (unverified)
        ("standaard", LogLevel.Default), ("foutopsporing", LogLevel.Debug), ("fout", LogLevel.Error),
        ("ernstige fout", LogLevel.Fault), ("storing", LogLevel.Fault),

        // Swedish / Danish / Norwegian (unverified)
        ("felsökning", LogLevel.Debug), ("fel", LogLevel.Error), ("allvarligt fel", LogLevel.Fault),
        ("fejl", LogLevel.Error), ("feil", LogLevel.Error),

        // Russian (unverified)
        ("по умолчанию", LogLevel.Default), ("информация", LogLevel.Info), ("отладка", LogLevel.Debug),
        ("ошибка", LogLevel.Error), ("сбой", LogLevel.Fault),

        // Japanese (unverified)
        ("デフォルト", LogLevel.Default), ("情報", LogLevel.Info), ("デバッグ", LogLevel.Debug),
        ("エラー", LogLevel.Error), ("障害", LogLevel.Fault), ("フォールト", LogLevel.Fault),

        // Chinese, simplified and traditional (unverified)
        ("默认", LogLevel.Default), ("信息", LogLevel.Info), ("调试", LogLevel.Debug), ("错误", LogLevel.Error),
        ("故障", LogLevel.Fault), ("預設", LogLevel.Default), ("資訊", LogLevel.Info), ("除錯", LogLevel.Debug),
        ("錯誤", LogLevel.Error),

        // Korean (unverified)
        ("기본", LogLevel.Default), ("정보", LogLevel.Info), ("디버그", LogLevel.Debug), ("오류", LogLevel.Error),
        ("결함", LogLevel.Fault),
    ];

    /// <summary>
    /// Maps a Type-column word (any case, surrounding spaces ignored) to a level: an empty column is a default message,
    /// an unknown word gives <see cref="LogLevel.Unknown"/>.
    /// </summary>
    public static LogLevel Parse(ReadOnlySpan<char> word)
    {
        word = word.Trim();
        if (word.IsEmpty)
        {
            return LogLevel.Default;
        }

        foreach (var (w, l) in Words)
        {
            if (word.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return l;
            }
        }

        return LogLevel.Unknown;
    }

    /// <summary>
    /// Finds a known level word at the start of a space-separated line (words may contain spaces:
    /// <c>par défaut</c>); returns its length or 0. The longest matching word wins.
    /// </summary>
    public static int MatchPrefix(ReadOnlySpan<char> line, out LogLevel level)
    {
        level = LogLevel.Unknown;
        var best = 0;
        foreach (var (w, l) in Words)
        {
            if (w.Length > best && line.Length > w.Length && line[w.Length] is ' ' or '\t' &&
                line.StartsWith(w, StringComparison.OrdinalIgnoreCase))
            {
                best = w.Length;
                level = l;
            }
        }

        return best;
    }
}
