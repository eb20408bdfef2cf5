namespace GamePulse.Data.Accounts;

/// <summary>An email for the Worker to send; TraceId is the queuing request's, so the Worker's events can name it.</summary>
public sealed record OutgoingEmail(string ToAddress, string Subject, string TextBody, string HtmlBody, string? TraceId = null);
