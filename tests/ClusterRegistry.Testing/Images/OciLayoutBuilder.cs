using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ClusterRegistry.Testing.Images;

/// <summary>A descriptor written into an OCI layout.</summary>
public sealed record OciBlob(string MediaType, string Digest, long Size);

/// <summary>An image written into an OCI layout: its manifest, config and layers.</summary>
public sealed record OciImage(OciBlob Manifest, OciBlob Config, IReadOnlyList<OciBlob> Layers, string Os, string Architecture)
{
    public long TotalBlobBytes => Config.Size + Layers.Sum(l => l.Size);
}

/// <summary>
/// Writes an OCI image layout (<c>oci-layout</c>, <c>index.json</c>, <c>blobs/sha256/…</c>) of generated images: each layer
/// is a gzip'd tar holding one file of seeded pseudo-random bytes (incompressible, so a 40 MB layer is ~40 MB on the
/// wire), with real diff_ids so containerd can unpack it. Layers are streamed through files, so a 1 GB image costs no memory.
/// Push the result with <see cref="Skopeo"/>.
/// </summary>
public sealed class OciLayoutBuilder
{
    private readonly List<(OciBlob Descriptor, string Tag, string? Os, string? Arch)> tagged = new();

    public OciLayoutBuilder(string directory)
    {
        Directory = directory;
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256"));
        File.WriteAllText(Path.Combine(directory, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    }

    public string Directory { get; }

    /// <summary>Adds an image with one layer per entry of <paramref name="layerSizes"/> (bytes of file content).</summary>
    public OciImage AddImage(IReadOnlyList<long> layerSizes, int seed, string os = "linux", string architecture = "amd64")
    {
        var layers = new List<OciBlob>();
        var diffIds = new List<string>();
        for (var i = 0; i < layerSizes.Count; i++)
        {
            var (blob, diffId) = WriteLayer(layerSizes[i], seed * 1000 + i, $"layer{i}.bin");
            layers.Add(blob);
            diffIds.Add(diffId);
        }

        var config = new Dictionary<string, object>
        {
            ["architecture"] = architecture,
            ["os"] = os,
            ["config"] = new Dictionary<string, object> { ["Cmd"] = new[] { "/layer0.bin" } },
            ["rootfs"] = new Dictionary<string, object> { ["type"] = "layers", ["diff_ids"] = diffIds },
            ["history"] = layerSizes.Select((_, i) => new Dictionary<string, object> { ["created_by"] = $"generated layer {i} (seed {seed})" }).ToArray(),
        };
        var configBlob = WriteBytes(JsonSerializer.SerializeToUtf8Bytes(config), "application/vnd.oci.image.config.v1+json");
        var manifest = new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = Desc(configBlob),
            ["layers"] = layers.Select(Desc).ToArray(),
        };
        var manifestBlob = WriteBytes(JsonSerializer.SerializeToUtf8Bytes(manifest), "application/vnd.oci.image.manifest.v1+json");
        return new OciImage(manifestBlob, configBlob, layers, os, architecture);
    }

    /// <summary>Adds an image index over <paramref name="images"/> (a multi-platform image).</summary>
    public OciBlob AddIndex(params OciImage[] images)
    {
        var index = new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.index.v1+json",
            ["manifests"] = images.Select(i => new Dictionary<string, object>
            {
                ["mediaType"] = i.Manifest.MediaType,
                ["digest"] = i.Manifest.Digest,
                ["size"] = i.Manifest.Size,
                ["platform"] = new Dictionary<string, object> { ["os"] = i.Os, ["architecture"] = i.Architecture },
            }).ToArray(),
        };
        return WriteBytes(JsonSerializer.SerializeToUtf8Bytes(index), "application/vnd.oci.image.index.v1+json");
    }

    /// <summary>Names <paramref name="target"/> in index.json so <c>oci:DIR:TAG</c> finds it.</summary>
    public void Tag(string tag, OciBlob target)
    {
        tagged.Add((target, tag, null, null));
        Save();
    }

    private void Save()
    {
        var index = new Dictionary<string, object>
        {
            ["schemaVersion"] = 2,
            ["manifests"] = tagged.Select(t => new Dictionary<string, object>
            {
                ["mediaType"] = t.Descriptor.MediaType,
                ["digest"] = t.Descriptor.Digest,
                ["size"] = t.Descriptor.Size,
                ["annotations"] = new Dictionary<string, string> { ["org.opencontainers.image.ref.name"] = t.Tag },
            }).ToArray(),
        };
        File.WriteAllBytes(Path.Combine(Directory, "index.json"), JsonSerializer.SerializeToUtf8Bytes(index));
    }

    private static Dictionary<string, object> Desc(OciBlob b) => new() { ["mediaType"] = b.MediaType, ["digest"] = b.Digest, ["size"] = b.Size };

    public string BlobPath(string digest) => Path.Combine(Directory, "blobs", "sha256", digest.Split(':')[1]);

    private OciBlob WriteBytes(byte[] data, string mediaType)
    {
        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(data));
        File.WriteAllBytes(BlobPath(digest), data);
        return new OciBlob(mediaType, digest, data.Length);
    }

    private (OciBlob Blob, string DiffId) WriteLayer(long size, int seed, string fileName)
    {
        var tmp = Path.Combine(Directory, $"tmp-{Guid.NewGuid():N}");
        using var diffHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using var blobHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long blobSize;
        using (var file = File.Create(tmp))
        {
            using var blobHashing = new HashingWriteStream(file, blobHash);
            using (var gzip = new GZipStream(blobHashing, CompressionLevel.NoCompression, leaveOpen: true))
            using (var diffHashing = new HashingWriteStream(gzip, diffHash))
            using (var tar = new TarWriter(diffHashing, TarEntryFormat.Pax, leaveOpen: true))
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, fileName)
                {
                    DataStream = new PseudoRandomStream(size, seed),
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                    ModificationTime = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
                };
                tar.WriteEntry(entry);
            }

            blobSize = blobHashing.Written;
        }

        var digest = "sha256:" + Convert.ToHexStringLower(blobHash.GetHashAndReset());
        File.Move(tmp, BlobPath(digest), overwrite: true);
        return (new OciBlob("application/vnd.oci.image.layer.v1.tar+gzip", digest, blobSize), "sha256:" + Convert.ToHexStringLower(diffHash.GetHashAndReset()));
    }

    private sealed class HashingWriteStream(Stream inner, IncrementalHash hash) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Written;

        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
            Written += buffer.Length;
        }
    }

    /// <summary>A seekable stream of <c>length</c> seeded pseudo-random bytes (tar needs the length up front).</summary>
    private sealed class PseudoRandomStream(long length, int seed) : Stream
    {
        private readonly Random random = new(seed);
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => position; set => position = value; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = (int)Math.Min(buffer.Length, length - position);
            if (n <= 0)
            {
                return 0;
            }

            random.NextBytes(buffer[..n]);
            position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
