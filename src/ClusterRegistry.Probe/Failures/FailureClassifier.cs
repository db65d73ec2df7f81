using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;

namespace ClusterRegistry.Probe.Failures;

/// <summary>Maps exceptions from HTTP, sockets and gRPC into a <see cref="FailureClass"/> with a one-line explanation.</summary>
public static class FailureClassifier
{
    /// <summary>Classifies <paramref name="error"/> raised while doing <paramref name="what"/> (e.g. "GET manifest from http://host").</summary>
    public static ProbeFailureException Classify(Exception error, string what) => Classify(error, what, host: null);

    /// <summary>As <see cref="Classify(Exception, string)"/>, naming <paramref name="host"/> (the host dialled) when its name does not resolve.</summary>
    public static ProbeFailureException Classify(Exception error, string what, string? host)
    {
        var name = host is null ? "the name" : $"the name {host}";
        if (error is ProbeFailureException pf)
        {
            return pf;
        }

        var socket = Find<SocketException>(error);
        if (error is HttpRequestException hre)
        {
            switch (hre.HttpRequestError)
            {
                case HttpRequestError.NameResolutionError:
                    return new(FailureClass.Dns, $"{what}: {name} does not resolve ({socket?.Message ?? hre.Message})", error);
                case HttpRequestError.SecureConnectionError:
                    return new(FailureClass.Tls, $"{what}: TLS handshake failed ({Innermost(error).Message})", error);
                case HttpRequestError.ResponseEnded:
                    return new(FailureClass.ConnectionLost, $"{what}: the server closed the connection before the response was complete", error);
            }
        }

        if (error is HttpIOException hio && hio.HttpRequestError == HttpRequestError.ResponseEnded)
        {
            return new(FailureClass.ConnectionLost, $"{what}: the server closed the connection before the transfer was complete", error);
        }

        if (socket is not null)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain =>
                    new(FailureClass.Dns, $"{what}: {name} does not resolve ({socket.Message})", error),
                SocketError.ConnectionRefused =>
                    new(FailureClass.ConnectionRefused, $"{what}: connection refused (nothing listens there)", error),
                SocketError.TimedOut =>
                    new(FailureClass.Timeout, $"{what}: connect timed out", error),
                SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown =>
                    new(FailureClass.ConnectionLost, $"{what}: connection reset by the server", error),
                _ => new(FailureClass.Other, $"{what}: {socket.SocketErrorCode}: {socket.Message}", error),
            };
        }

        if (Find<AuthenticationException>(error) is { } auth)
        {
            return new(FailureClass.Tls, $"{what}: TLS handshake failed ({auth.Message})", error);
        }

        if (error is HttpIOException or IOException)
        {
            return new(FailureClass.ConnectionLost, $"{what}: {Innermost(error).Message}", error);
        }

        return new(FailureClass.Other, $"{what}: {Innermost(error).Message}", error);
    }

    /// <summary>The one-line text used in output: <c>class: message</c>.</summary>
    public static string Describe(ProbeFailureException failure) => $"{Kebab(failure.Class)}: {failure.Message}";

    /// <summary><c>ConnectionRefused</c> → <c>connection-refused</c>.</summary>
    public static string Kebab(FailureClass c)
    {
        var s = c.ToString();
        var sb = new System.Text.StringBuilder(s.Length + 4);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsUpper(s[i]) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(s[i]));
        }

        return sb.ToString();
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T t)
            {
                return t;
            }
        }

        return null;
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
