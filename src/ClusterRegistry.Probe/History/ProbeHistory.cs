using System.Globalization;
using ClusterRegistry.Probe.Failures;
using ClusterRegistry.Probe.Running;
using Microsoft.Data.Sqlite;

namespace ClusterRegistry.Probe.History;

/// <summary>
/// Every probe run, appended to an embedded SQLite file: by default <c>$XDG_DATA_HOME/clusterregistry/history.db</c>
/// (<c>~/.local/share/clusterregistry/history.db</c> when unset), overridable with <c>--history PATH</c>.
/// </summary>
public sealed class ProbeHistory
{
    private readonly string connectionString;

    public ProbeHistory(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate }.ToString();
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            CREATE TABLE IF NOT EXISTS runs (
              id INTEGER PRIMARY KEY AUTOINCREMENT,
              started_at TEXT NOT NULL,
              image TEXT NOT NULL,
              via TEXT NOT NULL,
              node TEXT NOT NULL,
              probe TEXT NULL,
              bytes INTEGER NOT NULL,
              duration_ms REAL NOT NULL,
              budget_ms REAL NOT NULL,
              within_budget INTEGER NOT NULL,
              failure_class TEXT NULL,
              failure_message TEXT NULL,
              digest TEXT NULL,
              json TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS runs_image_node_time ON runs(image, node, started_at);
            """;
        cmd.ExecuteNonQuery();
    }

    public string Path { get; }

    /// <summary>The per-user default location.</summary>
    public static string DefaultPath()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var root = !string.IsNullOrEmpty(xdg) ? xdg : System.IO.Path.Combine(home, ".local", "share");
        return System.IO.Path.Combine(root, "clusterregistry", "history.db");
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(connectionString);
        c.Open();
        return c;
    }

    public long Append(ProbeResult r)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO runs (started_at, image, via, node, probe, bytes, duration_ms, budget_ms, within_budget, failure_class, failure_message, digest, json)
            VALUES ($t, $image, $via, $node, $probe, $bytes, $d, $b, $w, $fc, $fm, $digest, $json);
            SELECT last_insert_rowid();
            """;
        cmd.Parameters.AddWithValue("$t", r.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        cmd.Parameters.AddWithValue("$image", r.Image);
        cmd.Parameters.AddWithValue("$via", r.Via.ToText());
        cmd.Parameters.AddWithValue("$node", r.Node);
        cmd.Parameters.AddWithValue("$probe", (object?)r.ProbeName ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$bytes", r.Bytes);
        cmd.Parameters.AddWithValue("$d", r.DurationMs);
        cmd.Parameters.AddWithValue("$b", r.BudgetMs);
        cmd.Parameters.AddWithValue("$w", r.WithinBudget ? 1 : 0);
        cmd.Parameters.AddWithValue("$fc", r.Failure is null ? DBNull.Value : FailureClassifier.Kebab(r.Failure.Class));
        cmd.Parameters.AddWithValue("$fm", (object?)r.Failure?.Message ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$digest", (object?)r.Digest ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$json", ProbeJson.Serialize(r, indented: false));
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>Runs, oldest first, optionally filtered; <paramref name="limit"/> keeps the most recent ones.</summary>
    public IReadOnlyList<HistoryEntry> Query(string? image = null, string? node = null, string? via = null, int limit = 1000)
    {
        using var c = Open();
        using var cmd = c.CreateCommand();
        var where = new List<string>();
        if (image is not null)
        {
            where.Add("image = $image");
            cmd.Parameters.AddWithValue("$image", image);
        }

        if (node is not null)
        {
            where.Add("node = $node");
            cmd.Parameters.AddWithValue("$node", node);
        }

        if (via is not null)
        {
            where.Add("via = $via");
            cmd.Parameters.AddWithValue("$via", via);
        }

        cmd.CommandText = "SELECT * FROM (SELECT id, started_at, image, via, node, probe, bytes, duration_ms, budget_ms, within_budget, failure_class, failure_message, digest, json FROM runs" +
                          (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") +
                          " ORDER BY started_at DESC, id DESC LIMIT $limit) ORDER BY started_at, id";
        cmd.Parameters.AddWithValue("$limit", limit);
        using var reader = cmd.ExecuteReader();
        var list = new List<HistoryEntry>();
        while (reader.Read())
        {
            list.Add(new HistoryEntry(
                reader.GetInt64(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.GetInt64(6),
                reader.GetDouble(7),
                reader.GetDouble(8),
                reader.GetInt64(9) != 0,
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.GetString(13)));
        }

        return list;
    }
}
