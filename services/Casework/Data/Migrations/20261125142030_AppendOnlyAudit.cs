using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PanelPlatform.Casework.Data.Migrations
{
    /// <summary>
    /// The personal data read log is append-only in the database itself: a trigger refuses UPDATE, DELETE and TRUNCATE
    /// from any role (the service's own included), and the privileges to do them are revoked from everyone else.
    /// </summary>
    public partial class AppendOnlyAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION personal_data_read_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'personal_data_read is append-only: % is not allowed', TG_OP
                        USING ERRCODE = 'insufficient_privilege';
                END
                $$;
                CREATE TRIGGER personal_data_read_append_only
                    BEFORE UPDATE OR DELETE ON personal_data_read
                    FOR EACH ROW EXECUTE FUNCTION personal_data_read_refuse_change();
                CREATE TRIGGER personal_data_read_no_truncate
                    BEFORE TRUNCATE ON personal_data_read
                    FOR EACH STATEMENT EXECUTE FUNCTION personal_data_read_refuse_change();
                REVOKE UPDATE, DELETE, TRUNCATE ON personal_data_read FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER personal_data_read_no_truncate ON personal_data_read;
                DROP TRIGGER personal_data_read_append_only ON personal_data_read;
                DROP FUNCTION personal_data_read_refuse_change();
                """);
        }
    }
}
