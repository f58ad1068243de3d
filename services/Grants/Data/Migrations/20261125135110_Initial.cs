using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PanelPlatform.Grants.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inbox_message",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_message", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "outbox_message",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_type = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    destination = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    trace_parent = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    trace_state = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    dead_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_message", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scheme",
                columns: table => new
                {
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    purpose = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    funder_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    funder_identifier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    eligible_organisation_types = table.Column<string[]>(type: "text[]", nullable: false),
                    priorities = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheme", x => x.slug);
                });

            migrationBuilder.CreateTable(
                name: "grant_round",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    opens_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closes_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    budget = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    minimum_award = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    maximum_award = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    awarded_total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    open_call = table.Column<bool>(type: "boolean", nullable: false),
                    criteria = table.Column<string>(type: "jsonb", nullable: false),
                    standard_conditions = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    opened_announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closing_soon_announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_announced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grant_round", x => x.id);
                    table.CheckConstraint("ck_grant_round_within_budget", "awarded_total >= 0 AND awarded_total <= budget");
                    table.ForeignKey(
                        name: "fk_grant_round_scheme_scheme_slug",
                        column: x => x.scheme_slug,
                        principalTable: "scheme",
                        principalColumn: "slug",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "grant_application",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    project_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    project_description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    amount_requested = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: true),
                    areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    priorities = table.Column<List<string>>(type: "text[]", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    documents = table.Column<string>(type: "jsonb", nullable: false),
                    recipient_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    assessment_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    decline_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    organisation_charity_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    organisation_company_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    organisation_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    organisation_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grant_application", x => x.id);
                    table.ForeignKey(
                        name: "fk_grant_application_grant_round_round_id",
                        column: x => x.round_id,
                        principalTable: "grant_round",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "award",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme_slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    scheme_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    round_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    funder_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    funder_identifier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    from_open_call = table.Column<bool>(type: "boolean", nullable: false),
                    project_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    project_description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    amount_requested = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    areas = table.Column<List<string>>(type: "text[]", nullable: false),
                    planned_start = table.Column<DateOnly>(type: "date", nullable: false),
                    planned_end = table.Column<DateOnly>(type: "date", nullable: false),
                    award_date = table.Column<DateOnly>(type: "date", nullable: false),
                    decision_maker = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agreement = table.Column<string>(type: "jsonb", nullable: true),
                    conditions = table.Column<string>(type: "jsonb", nullable: false),
                    paid_total = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    monitoring_report = table.Column<string>(type: "jsonb", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    recipient_charity_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    recipient_company_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    recipient_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recipient_type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_award", x => x.id);
                    table.CheckConstraint("ck_award_paid_within_amount", "paid_total >= 0 AND paid_total <= amount");
                    table.ForeignKey(
                        name: "fk_award_grant_application_application_id",
                        column: x => x.application_id,
                        principalTable: "grant_application",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_award_grant_round_round_id",
                        column: x => x.round_id,
                        principalTable: "grant_round",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "conflict_of_interest",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessor_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    assessor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    interest = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conflict_of_interest", x => x.id);
                    table.ForeignKey(
                        name: "fk_conflict_of_interest_grant_application_application_id",
                        column: x => x.application_id,
                        principalTable: "grant_application",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scoresheet",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    application_id = table.Column<Guid>(type: "uuid", nullable: false),
                    assessor_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    assessor_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    scores = table.Column<string>(type: "jsonb", nullable: false),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scoresheet", x => x.id);
                    table.ForeignKey(
                        name: "fk_scoresheet_grant_application_application_id",
                        column: x => x.application_id,
                        principalTable: "grant_application",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    award_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    paid_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment", x => x.id);
                    table.ForeignKey(
                        name: "fk_payment_award_award_id",
                        column: x => x.award_id,
                        principalTable: "award",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_award_application_id",
                table: "award",
                column: "application_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_award_award_date_id",
                table: "award",
                columns: new[] { "award_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_award_round_id",
                table: "award",
                column: "round_id");

            migrationBuilder.CreateIndex(
                name: "ix_conflict_of_interest_application_id_assessor_id",
                table: "conflict_of_interest",
                columns: new[] { "application_id", "assessor_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_grant_application_round_id_status_id",
                table: "grant_application",
                columns: new[] { "round_id", "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_grant_round_opens_at_id",
                table: "grant_round",
                columns: new[] { "opens_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_grant_round_scheme_slug",
                table: "grant_round",
                column: "scheme_slug");

            migrationBuilder.CreateIndex(
                name: "ix_grant_round_unannounced",
                table: "grant_round",
                column: "closed_announced_at",
                filter: "closed_announced_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_inbox_message_received_at",
                table: "inbox_message",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_pending",
                table: "outbox_message",
                column: "sequence",
                unique: true,
                filter: "sent_at IS NULL AND dead_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_message_sent_at",
                table: "outbox_message",
                column: "sent_at",
                filter: "sent_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_payment_award_id",
                table: "payment",
                column: "award_id");

            migrationBuilder.CreateIndex(
                name: "ix_scoresheet_application_id_assessor_id",
                table: "scoresheet",
                columns: new[] { "application_id", "assessor_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conflict_of_interest");

            migrationBuilder.DropTable(
                name: "inbox_message");

            migrationBuilder.DropTable(
                name: "outbox_message");

            migrationBuilder.DropTable(
                name: "payment");

            migrationBuilder.DropTable(
                name: "scoresheet");

            migrationBuilder.DropTable(
                name: "award");

            migrationBuilder.DropTable(
                name: "grant_application");

            migrationBuilder.DropTable(
                name: "grant_round");

            migrationBuilder.DropTable(
                name: "scheme");
        }
    }
}
