using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PanelPlatform.Web.Gateway;

/// <summary>
/// The platform's APIs, reached only through the gateway (<c>Web:GatewayUrl</c>), as the signed-in member of staff when
/// there is one and as the public otherwise. Answers are <see cref="ApiResult{T}"/>: a value, or the API's problem
/// (400/404/409/422 …) for the page to show. A gateway that cannot be reached or fails (5xx) throws
/// <see cref="ServiceUnavailableException"/>, which the site answers with its "problem with the service" page.
/// </summary>
public sealed class PanelApi(HttpClient http)
{
    /// <summary>The services' JSON: camelCase, enums as kebab-case strings; members the site does not read are ignored.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }, options: Json) }, cancellationToken);

    public Task<ApiResult<T>> PutAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body ?? new { }, options: Json) }, cancellationToken);

    public Task<ApiResult<JsonElement>> DeleteAsync(string path, CancellationToken cancellationToken) =>
        SendAsync<JsonElement>(new HttpRequestMessage(HttpMethod.Delete, path), cancellationToken);

    /// <summary>Any request (a file upload, say), answered the same way.</summary>
    public async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        using (var response = await SendRawAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken))
        {
            if (response.IsSuccessStatusCode)
            {
                if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
                {
                    return ApiResult<T>.Success((int)response.StatusCode, default!);
                }

                var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
                return ApiResult<T>.Success((int)response.StatusCode, value!);
            }

            return ApiResult<T>.Failure(await ApiProblem.ReadAsync(response, cancellationToken));
        }
    }

    /// <summary>
    /// The raw response, for what the site passes on (a document's bytes, a CSV). The caller disposes it. Throws
    /// <see cref="ServiceUnavailableException"/> as the others do.
    /// </summary>
    public async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new ServiceUnavailableException($"{request.Method} {request.RequestUri}: {e.Message}", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ServiceUnavailableException($"{request.Method} {request.RequestUri} timed out", e);
        }

        if ((int)response.StatusCode >= 500)
        {
            var status = response.StatusCode;
            response.Dispose();
            throw new ServiceUnavailableException($"{request.Method} {request.RequestUri} answered {(int)status}");
        }

        return response;
    }
}

/// <summary>What an API said: a value, or a problem.</summary>
public sealed class ApiResult<T>
{
    private ApiResult(int status, T? value, ApiProblem? problem)
    {
        Status = status;
        Value = value;
        Problem = problem;
    }

    public int Status { get; }

    public T? Value { get; }

    public ApiProblem? Problem { get; }

    public bool Ok => Problem is null;

    public bool NotFound => Status == StatusCodes.Status404NotFound;

    public static ApiResult<T> Success(int status, T value) => new(status, value, null);

    public static ApiResult<T> Failure(ApiProblem problem) => new(problem.Status, default, problem);

    /// <summary>The value; for reads a page cannot do without (a failure here is the site's fault, not the reader's).</summary>
    public T Required(string what) => Ok
        ? Value!
        : throw new InvalidOperationException($"{what}: the API answered {Status} {Problem?.Title} {Problem?.Detail}");
}

/// <summary>An RFC 9457 problem as the services write it: <c>errors</c> names the fields (camelCase, dotted paths).</summary>
public sealed record ApiProblem(int Status, string? Type, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(PanelApi.Json, cancellationToken);
            var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in list.EnumerateObject())
                {
                    errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                        ? [.. field.Value.EnumerateArray().Select(m => m.ToString())]
                        : [field.Value.ToString()];
                }
            }

            return new ApiProblem(status, Text(body, "type"), Text(body, "title"), Text(body, "detail"), errors);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return new ApiProblem(status, null, response.ReasonPhrase, null, new Dictionary<string, string[]>());
        }
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <summary>The gateway could not be reached, or a service behind it failed.</summary>
public sealed class ServiceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
