using System.ComponentModel.DataAnnotations;
using Coravel.Scheduling.Schedule.Cron;

namespace GamePulse.Worker.Ingestion.Scheduling;

/// <summary>
/// A setting that must be a cron expression Coravel can run: five fields (minute hour day-of-month month day-of-week)
/// of numbers, <c>*</c>, <c>*/n</c>, ranges or lists. Quartz's six- or seven-field form (seconds first, <c>?</c>) used
/// before Coravel is refused at start-up with the equivalent named, rather than never firing.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CoravelCronAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var text = value as string ?? "";
        var fields = text.Split(' ');
        if (fields.Length is 6 or 7)
        {
            return Refuse(validationContext, text, $"looks like Quartz's cron with seconds; Coravel's has five fields, e.g. '{string.Join(' ', fields[1..6]).Replace('?', '*')}'");
        }

        try
        {
            _ = new CronExpression(text);
            return ValidationResult.Success;
        }
        catch (MalformedCronExpressionException)
        {
            return Refuse(validationContext, text, "is not a five-field cron (minute hour day-of-month month day-of-week), e.g. '0 6 * * *'");
        }
    }

    private static ValidationResult Refuse(ValidationContext context, string text, string problem) =>
        new($"Ingestion__{context.MemberName} '{text}' {problem}.", context.MemberName is { } member ? [member] : null);
}
