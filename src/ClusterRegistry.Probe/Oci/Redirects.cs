using System.Net;
using ClusterRegistry.Probe.Failures;

namespace ClusterRegistry.Probe.Oci;

/// <summary>
/// Sends a request and follows redirects itself (blob storage and token services redirect), so a failure names the host
/// that failed and who sent the probe there: a redirect to a name that does not resolve is a DNS failure of that name,
/// not of the registry. As HttpClient does, credentials go to the first host only.
/// </summary>
internal static class Redirects
{
    /// <summary>HttpClient's default <c>MaxAutomaticRedirections</c>.</summary>
    public const int Max = 50;

    /// <param name="http">A client whose handler does not redirect on its own.</param>
    /// <param name="method">GET or HEAD (303 turns anything but HEAD into GET, as HttpClient does).</param>
    /// <param name="uri">Where to start.</param>
    /// <param name="prepare">Adds headers to every request; gets whether the request is the first (the only one given credentials).</param>
    /// <param name="ct">Stops the requests.</param>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, Uri uri, Action<HttpRequestMessage, bool> prepare, CancellationToken ct)
    {
        var current = uri;
        string? redirectedBy = null;
        for (var hops = 0; ; hops++)
        {
            using var request = new HttpRequestMessage(method, current);
            prepare(request, hops == 0);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var what = redirectedBy is null ? $"{method} {current}" : $"{method} {current} (redirected by {redirectedBy})";
                throw FailureClassifier.Classify(e, what, current.IdnHost);
            }

            if (response.StatusCode is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
                    or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect)
                || response.Headers.Location is not { } location)
            {
                return response;
            }

            response.Dispose();
            var next = location.IsAbsoluteUri ? location : new Uri(current, location);
            if (next.Scheme is not ("http" or "https"))
            {
                throw new ProbeFailureException(FailureClass.RegistryError, $"{method} {current}: redirected to '{next}', which is not an http(s) URL");
            }

            if (hops >= Max)
            {
                throw new ProbeFailureException(FailureClass.RegistryError, $"{method} {uri}: more than {Max} redirects (last to {next})");
            }

            if (current.Scheme == "https" && next.Scheme == "http")
            {
                throw new ProbeFailureException(FailureClass.RegistryError, $"{method} {current}: redirected from https to plain http ({next}); not followed");
            }

            if (response.StatusCode == HttpStatusCode.SeeOther && method != HttpMethod.Head)
            {
                method = HttpMethod.Get;
            }

            redirectedBy = current.Authority;
            current = next;
        }
    }
}
