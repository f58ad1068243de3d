using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using PanelPlatform.ServiceDefaults.Http;

namespace PanelPlatform.Questions.Abuse;

/// <summary>
/// The anonymous writes (a public question, a confirmation) take small bodies: anything larger is refused before it
/// is read, as a 413 problem naming the body.
/// </summary>
public static class SubmissionSizeLimit
{
    public static IApplicationBuilder UseSubmissionSizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (!HttpMethods.IsPost(context.Request.Method) ||
                !(path.Equals("/api/questions", StringComparison.OrdinalIgnoreCase) ||
                  path.Equals("/api/questions/", StringComparison.OrdinalIgnoreCase) ||
                  path.Equals("/api/questions/confirm", StringComparison.OrdinalIgnoreCase)))
            {
                await next(context);
                return;
            }

            var max = context.RequestServices.GetRequiredService<IOptions<QuestionsOptions>>().Value.Limits.MaxBodyBytes;
            if (context.Request.ContentLength > max)
            {
                var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>
                {
                    ["body"] = [$"The request body may be at most {max} bytes; a question is at most 1,500 characters."],
                })
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Type = Problems.TooLarge,
                    Title = "The request body is too large",
                    Detail = $"Request bodies here may be at most {max} bytes.",
                };
                await TypedResults.Problem(problem).ExecuteAsync(context);
                return;
            }

            // A body without a length (chunked) is cut off at the same size while it is read.
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = max;
            }

            await next(context);
        });
}
