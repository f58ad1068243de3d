using PanelPlatform.Questions.Domain;

namespace PanelPlatform.Questions.Tests.Rules;

/// <summary>submitted → (email confirmed) → accepted | rejected | withdrawn → answered → published; and reassignment.</summary>
public sealed class LifecycleTests
{
    private static readonly DateTimeOffset Now = new(2023, 10, 20, 17, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MeetingStarts = new(2023, 11, 8, 10, 30, 0, TimeSpan.Zero);
    private static readonly Actor Clerk = new("clerk-1", "Ivan Walters");
    private static readonly Actor Drafter = new("opcc-1", "OPCC officer");
    private static readonly Actor Approver = new("opcc-2", "Chief Executive");

    private static Question Public(bool consent = false) => Question.SubmitPublic(
        Guid.NewGuid(), "performance-scrutiny-meeting", "VAWG", "What is being done about spiking?",
        Asker.Resident("Jo Bloggs", "Jo@Example.org", "de4 3ag", "Matlock", consent), Guid.NewGuid(), "hash", Now);

    private static Question Member() => Question.SubmitMember(
        Guid.NewGuid(), "derbyshire-police-and-crime-panel", "Drug strategy", "How does From Harm to Hope fit the Plan?",
        Asker.Member(Guid.NewGuid(), "Cllr H Dhindsa"), Clerk, Now);

    /// <summary>Drives a fresh question to <paramref name="status"/> by the lifecycle's own methods.</summary>
    private static Question In(QuestionStatus status)
    {
        var q = Public();
        if (status == QuestionStatus.AwaitingConfirmation)
        {
            return q;
        }

        q.ConfirmEmail(false, Now);
        switch (status)
        {
            case QuestionStatus.Submitted:
                return q;
            case QuestionStatus.Rejected:
                q.Reject(RejectionReason.Duplicate, null, Clerk, Now);
                return q;
            case QuestionStatus.Withdrawn:
                q.Withdraw(null, Clerk, Now);
                return q;
            case QuestionStatus.NeedsReassignment:
                q.MarkNeedsReassignment(Now);
                return q;
        }

        q.Accept(null, Clerk, Now);
        if (status == QuestionStatus.Accepted)
        {
            return q;
        }

        q.DraftAnswer("An answer.", "The Chief Constable", Drafter, Now);
        q.ApproveAnswer(false, Approver, Now);
        if (status == QuestionStatus.Answered)
        {
            return q;
        }

        q.Publish(MeetingStarts, Clerk, MeetingStarts);
        return q;
    }

    public static TheoryData<QuestionStatus> AllStatuses => new(Enum.GetValues<QuestionStatus>());

    private static readonly Dictionary<string, (Action<Question> Act, QuestionStatus[] AllowedFrom)> Actions = new()
    {
        ["accept"] = (q => q.Accept(null, Clerk, Now), [QuestionStatus.Submitted]),
        ["reject"] = (q => q.Reject(RejectionReason.NotAboutTheTopic, "not VAWG", Clerk, Now),
            [QuestionStatus.Submitted, QuestionStatus.Accepted, QuestionStatus.NeedsReassignment]),
        ["withdraw"] = (q => q.Withdraw(null, Clerk, Now),
            [QuestionStatus.AwaitingConfirmation, QuestionStatus.Submitted, QuestionStatus.Accepted, QuestionStatus.Answered, QuestionStatus.NeedsReassignment]),
        ["draft"] = (q => q.DraftAnswer("Text", "PCC", Drafter, Now), [QuestionStatus.Accepted]),
        ["publish"] = (q => q.Publish(MeetingStarts, Clerk, MeetingStarts), [QuestionStatus.Answered]),
        ["reassign"] = (q => q.Reassign(Guid.NewGuid(), "derbyshire-police-and-crime-panel", Clerk, Now),
            [QuestionStatus.Submitted, QuestionStatus.NeedsReassignment]),
    };

    public static TheoryData<string, QuestionStatus> ActionsByStatus
    {
        get
        {
            var data = new TheoryData<string, QuestionStatus>();
            foreach (var action in Actions.Keys)
            {
                foreach (var status in Enum.GetValues<QuestionStatus>())
                {
                    data.Add(action, status);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ActionsByStatus))]
    public void Each_action_is_allowed_from_exactly_its_statuses_and_refused_without_change_elsewhere(string action, QuestionStatus from)
    {
        var question = In(from);
        Assert.Equal(from, question.Status);
        var historyBefore = question.History.Count;
        var (act, allowedFrom) = Actions[action];

        if (allowedFrom.Contains(from))
        {
            act(question);
            Assert.Equal(historyBefore + 1, question.History.Count);
        }
        else
        {
            var refused = Assert.Throws<QuestionRuleException>(() => act(question));
            Assert.Equal("invalid-transition", refused.Code);
            Assert.Equal(from, question.Status);
            Assert.Equal(historyBefore, question.History.Count);
        }
    }

    [Fact]
    public void Every_transition_records_who_and_when_in_order()
    {
        var q = Public();
        q.ConfirmEmail(false, Now.AddMinutes(5));
        q.Accept(null, Clerk, Now.AddDays(1));
        q.DraftAnswer("Answer", "The Chief Constable", Drafter, Now.AddDays(2));
        q.ApproveAnswer(true, Approver, Now.AddDays(3));
        q.Publish(MeetingStarts, Clerk, Now.AddDays(4));

        Assert.Equal(
            ["submitted", "email-confirmed", "accepted", "answer-drafted", "answer-approved", "published"],
            q.History.Select(t => t.Action));
        Assert.Equal([1, 2, 3, 4, 5, 6], q.History.Select(t => t.Sequence));
        Assert.Equal(["asker", "asker", "clerk-1", "opcc-1", "opcc-2", "clerk-1"], q.History.Select(t => t.BySubject));
        Assert.Equal([Now, Now.AddMinutes(5), Now.AddDays(1), Now.AddDays(2), Now.AddDays(3), Now.AddDays(4)], q.History.Select(t => t.At));
        Assert.Equal(QuestionStatus.AwaitingConfirmation, q.History[1].From);
        Assert.Equal(QuestionStatus.Submitted, q.History[1].To);
        Assert.Equal(QuestionStatus.Published, q.Status);
    }

    [Fact]
    public void A_member_question_needs_no_email_link_and_is_moderated_at_once()
    {
        var q = Member();

        Assert.Equal(QuestionStatus.Submitted, q.Status);
        Assert.True(q.IsVisibleToStaff);
        Assert.Equal("Cllr H Dhindsa", q.Asker.PublishedName);
        Assert.Null(q.RecipientId);
    }

    [Fact]
    public void A_public_question_is_hidden_from_moderators_until_its_email_link_is_followed_and_the_link_works_twice()
    {
        var q = Public();
        Assert.False(q.IsVisibleToStaff);

        Assert.True(q.ConfirmEmail(false, Now));
        Assert.True(q.IsVisibleToStaff);
        Assert.False(q.ConfirmEmail(false, Now.AddMinutes(1)));
        Assert.Equal(2, q.History.Count);
    }

    [Fact]
    public void Confirming_after_the_meeting_was_cancelled_goes_straight_to_reassignment()
    {
        var q = Public();

        q.ConfirmEmail(meetingCancelled: true, Now);

        Assert.Equal(QuestionStatus.NeedsReassignment, q.Status);
    }

    [Fact]
    public void The_author_of_an_answer_cannot_approve_it()
    {
        var q = In(QuestionStatus.Accepted);
        q.DraftAnswer("Answer", "PCC", Drafter, Now);

        var refused = Assert.Throws<QuestionRuleException>(() => q.ApproveAnswer(false, Drafter, Now));

        Assert.Equal("approver-wrote-answer", refused.Code);
        Assert.Equal(QuestionStatus.Accepted, q.Status);
    }

    [Fact]
    public void There_is_nothing_to_approve_before_an_answer_is_drafted()
    {
        var refused = Assert.Throws<QuestionRuleException>(() => In(QuestionStatus.Accepted).ApproveAnswer(false, Approver, Now));

        Assert.Equal("no-answer", refused.Code);
    }

    [Fact]
    public void An_answer_is_published_with_the_meeting_unless_marked_for_early_publication()
    {
        var q = In(QuestionStatus.Answered);
        var beforeMeeting = MeetingStarts.AddHours(-1);

        Assert.False(q.CanPublish(MeetingStarts, beforeMeeting));
        Assert.Equal("meeting-not-started", Assert.Throws<QuestionRuleException>(() => q.Publish(MeetingStarts, Clerk, beforeMeeting)).Code);
        Assert.True(q.CanPublish(MeetingStarts, MeetingStarts));

        var early = In(QuestionStatus.Accepted);
        early.DraftAnswer("Answer", "PCC", Drafter, Now);
        early.ApproveAnswer(publishEarly: true, Approver, Now);
        early.Publish(MeetingStarts, Clerk, beforeMeeting);
        Assert.Equal(QuestionStatus.Published, early.Status);
        Assert.Equal(beforeMeeting, early.PublishedAt);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void A_cancelled_meeting_sends_only_open_questions_to_reassignment(QuestionStatus status)
    {
        var q = In(status);

        var moved = q.MarkNeedsReassignment(Now);

        var open = status is QuestionStatus.Submitted or QuestionStatus.Accepted or QuestionStatus.Answered;
        Assert.Equal(open, moved);
        Assert.Equal(open ? QuestionStatus.NeedsReassignment : status, q.Status);
        if (open)
        {
            Assert.Equal(("system", "needs-reassignment"), (q.History[^1].BySubject, q.History[^1].Action));
        }
    }

    [Fact]
    public void A_reassigned_question_is_moderated_again_for_its_new_meeting_and_its_answer_approved_again()
    {
        var q = In(QuestionStatus.Answered);
        q.MarkNeedsReassignment(Now);
        var newMeeting = Guid.NewGuid();

        q.Reassign(newMeeting, "derbyshire-police-and-crime-panel", Clerk, Now);

        Assert.Equal((QuestionStatus.Submitted, newMeeting, "derbyshire-police-and-crime-panel"), (q.Status, q.MeetingId, q.BodySlug));
        Assert.Null(q.AgendaItemId);
        Assert.Null(q.AnswerApprovedAt);
        Assert.Equal("An answer.", q.Answer);
        Assert.Equal("same-meeting", Assert.Throws<QuestionRuleException>(() => q.Reassign(newMeeting, "x", Clerk, Now)).Code);
    }

    [Fact]
    public void A_rejection_keeps_its_reason_and_note_and_names_the_reason_by_its_code()
    {
        var q = In(QuestionStatus.Submitted);

        q.Reject(RejectionReason.IndividualCaseOrOperational, "Please contact the force about your case.", Clerk, Now);

        Assert.Equal(RejectionReason.IndividualCaseOrOperational, q.RejectionReason);
        Assert.Equal("individual-case-or-operational: Please contact the force about your case.", q.History[^1].Note);
        Assert.Equal(
            ["not-about-the-topic", "after-the-deadline", "duplicate", "individual-case-or-operational", "offensive-or-defamatory"],
            Enum.GetValues<RejectionReason>().Select(RejectionReasons.Code));
    }
}
