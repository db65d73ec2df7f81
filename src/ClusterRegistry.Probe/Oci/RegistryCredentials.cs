using System.Text;

namespace ClusterRegistry.Probe.Oci;

/// <summary>A user name and password for a registry (a robot account). <see cref="ToString"/> never shows the password.</summary>
public sealed class RegistryCredentials
{
    public RegistryCredentials(string username, string password)
    {
        Username = username;
        Password = password;
    }

    public string Username { get; }

    public string Password { get; }

    /// <summary>The value of a Basic <c>Authorization</c> header.</summary>
    public string BasicParameter => Convert.ToBase64String(Encoding.UTF8.GetBytes(Username + ":" + Password));

    public override string ToString() => $"{Username}:***";
}
