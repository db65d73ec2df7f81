using ClusterRegistry.Rendering;

namespace ClusterRegistry.Cli;

/// <summary>
/// A <c>--out FILE</c> argument of a verb that writes one file (check, compile, diff, probe report): checked before any
/// work, written through <see cref="AtomicFile"/>, and every failure turned into one line naming the option and the value.
/// </summary>
public static class OutFileOption
{
    /// <summary>Refuses an empty value and (unless <paramref name="folderAllowed"/>) an existing folder.</summary>
    public static void Check(string option, string value, bool folderAllowed = false)
    {
        if (Problem(option, value, folderAllowed) is { } problem)
        {
            throw new UsageException(problem);
        }
    }

    /// <summary>What is wrong with <paramref name="value"/> as the file to write, or null (the check of <see cref="Check"/>).</summary>
    public static string? Problem(string option, string value, bool folderAllowed = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return $"--{option} '{value}' is empty; name the file to write";
        }

        if (!folderAllowed && Directory.Exists(value))
        {
            return $"--{option} '{value}' is a folder; name a file to write (it is left as it is)";
        }

        return null;
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="value"/> atomically.</summary>
    public static void Write(string option, string value, string content) => Write(option, value, System.Text.Encoding.UTF8.GetBytes(content));

    /// <inheritdoc cref="Write(string, string, string)"/>
    public static void Write(string option, string value, byte[] content)
    {
        Check(option, value);
        try
        {
            AtomicFile.Write(value, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--{option} '{value}': could not write the file: {e.Message}");
        }
    }
}
