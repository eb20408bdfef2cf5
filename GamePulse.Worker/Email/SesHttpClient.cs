using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Signing;

namespace GamePulse.Worker.Email;

/// <summary>The SES HttpClient: AWSSDK.Core's SigV4 signing handler over the default transport.</summary>
public static class SesHttpClient
{
    public static HttpClient Create(SesOptions options)
    {
        // The default chain: AWS_* environment variables, the shared profile, then ECS/EC2 roles; resolved per send,
        // so rotated role credentials are picked up.
        AWSCredentials credentials = DefaultAWSCredentialsIdentityResolver.GetCredentials();
        var signer = new SigV4SigningHandler(credentials, RegionEndpoint.GetBySystemName(options.Region), "ses",
            new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        return new HttpClient(signer) { Timeout = TimeSpan.FromSeconds(30) };
    }
}
