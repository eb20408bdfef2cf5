using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GamePulse.Tests.Worker.Email;

/// <summary>
/// A real HTTP server on 127.0.0.1:0 in front of the local SES: it answers the scripted faults first (500, 429...),
/// then forwards requests unchanged to the real local SES server. It records each request's Authorization header.
/// The fault <see cref="CutReply"/> forwards the request (SES accepts the message) and then drops the connection
/// instead of answering, as a reply lost on the network would.
/// </summary>
public sealed class FaultySes : IAsyncDisposable
{
    public const int CutReply = 0;

    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> faults;
    private readonly HttpClient forward = new();

    private FaultySes(WebApplication app, ConcurrentQueue<int> faults)
    {
        this.app = app;
        this.faults = faults;
    }

    public Uri Endpoint { get; private set; } = null!;

    public ConcurrentQueue<string> Authorizations { get; } = new();

    public static async Task<FaultySes> StartAsync(Uri realSes, params int[] faultStatuses)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FaultySes(app, new ConcurrentQueue<int>(faultStatuses));
        app.Run(async context =>
        {
            server.Authorizations.Enqueue(context.Request.Headers.Authorization.ToString());
            var cut = false;
            if (server.faults.TryDequeue(out var status) && !(cut = status == CutReply))
            {
                context.Response.StatusCode = status;
                await context.Response.WriteAsync(status switch
                {
                    429 => """{"message":"Maximum sending rate exceeded."}""",
                    400 => """{"message":"Email address is not verified. The following identities failed the check in region EU-WEST-1: refused@example.com"}""",
                    _ => """{"message":"Service unavailable"}""",
                });
                return;
            }

            using var body = new StreamContent(context.Request.Body);
            body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(realSes, context.Request.Path.Value!.TrimStart('/'))) { Content = body };
            request.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
            using var response = await server.forward.SendAsync(request);
            if (cut)
            {
                context.Abort();
                return;
            }

            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(await response.Content.ReadAsStringAsync());
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = new Uri(address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        forward.Dispose();
        await app.DisposeAsync();
    }
}
