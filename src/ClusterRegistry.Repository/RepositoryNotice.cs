using System.Globalization;

namespace ClusterRegistry.Repository;

/// <summary>What a notice says about a file.</summary>
public enum NoticeKind
{
    /// <summary>The file could not be read as YAML (or HCL): the rest of the repository is still checked.</summary>
    Error,

    /// <summary>The file was refused for safety: a symlink out of the repository, too large, too many aliases, too deep.</summary>
    Refused,

    /// <summary>The file was not read on purpose: a template (<c>.j2</c>, <c>.tpl</c>, Helm <c>{{ }}</c>).</summary>
    Skipped,

    /// <summary>Values the reader cannot know: SOPS-encrypted, an unresolved <c>${VAR}</c>, a Secret not in the repository.</summary>
    Unknown,
}

/// <summary>One line about one file: why it was refused, skipped, unreadable or partly unknown.</summary>
public sealed class RepositoryNotice
{
    public RepositoryNotice(NoticeKind kind, string file, int line, string message)
    {
        Kind = kind;
        File = file;
        Line = line;
        Message = message;
    }

    public NoticeKind Kind { get; }

    /// <summary>Repository-relative path, forward slashes.</summary>
    public string File { get; }

    /// <summary>1-based line, 0 when the notice is about the whole file.</summary>
    public int Line { get; }

    public string Message { get; }

    /// <summary><c>error</c>, <c>refused</c>, <c>skipped</c>, <c>unknown</c>.</summary>
    public string KindText => Kind switch
    {
        NoticeKind.Error => "error",
        NoticeKind.Refused => "refused",
        NoticeKind.Skipped => "skipped",
        _ => "unknown",
    };

    /// <summary><c>file(line): kind: message</c>, one line.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? File + "(" + Line.ToString(CultureInfo.InvariantCulture) + ")" : File;
        return where + ": " + KindText + ": " + OneLine(Message);
    }

    private static string OneLine(string s) => s.Replace("\r", " ").Replace("\n", " ");
}
