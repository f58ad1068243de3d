using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PanelPlatform.Questions.Data;

/// <summary>
/// Two requests changed one question at once. The loser meets either the row version (xmin) check or, when the
/// winner's history line is not yet committed, the unique (question, sequence) index on its own history line.
/// </summary>
public static class ConcurrentChange
{
    private const string HistoryIndex = "ix_question_transitions_question_id_sequence";

    public static bool Is(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: HistoryIndex };
}
