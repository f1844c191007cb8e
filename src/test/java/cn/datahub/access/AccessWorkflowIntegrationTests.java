package cn.datahub.access;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import cn.datahub.catalogue.CatalogueConflict;
import cn.datahub.catalogue.InvalidInput;
import cn.datahub.catalogue.Violation;
import cn.datahub.exchange.GrantTargets;
import cn.datahub.security.Caller;
import cn.datahub.security.Forbidden;
import cn.datahub.security.Role;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static cn.datahub.access.AccessFixture.as;
import static cn.datahub.access.AccessFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The request workflow driven through its service as the accounts of each party: the two review stages and their
 * working-day deadlines across 国庆, approval narrowing the request into a grant with its exchange target, and every
 * submission and decision rule, each refused whole with the field named.
 */
@AccessHubTest
class AccessWorkflowIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private MutableClock clock;

	@Autowired
	private AccessWorkflow workflow;

	@Autowired
	private AccessQueues queues;

	@Autowired
	private GrantTargets targets;

	private AccessFixture data;

	@BeforeEach
	void registerTheDepartments() {
		this.clock.set(LocalDateTime.of(2025, 9, 1, 9, 0));
		this.data = new AccessFixture(new HubClient(this.http));
	}

	@Test
	void conditionalRequestIsCheckedByTheDataAuthorityThenDecidedByTheProviderIntoANarrowedGrant() {
		// Friday evening before 国庆: Sunday 28 September is a working day (调休), so the check is due Monday the 29th.
		this.clock.set(LocalDateTime.of(2025, 9, 26, 20, 30));
		RequestView submitted = submit(this.data.request(this.data.records, LocalDate.of(2026, 3, 31), "dabh", "xm", "sfzhm", "mbbs"));
		assertThat(submitted.status()).isEqualTo(RequestStatus.SUBMITTED);
		assertThat(submitted.stage()).isEqualTo(Stage.COMPLIANCE);
		assertThat(submitted.reviewerCode()).isEqualTo(AccessFixture.DATA_AUTHORITY);
		assertThat(submitted.dueDate()).isEqualTo(LocalDate.of(2025, 9, 29));
		assertThat(submitted.daysLeft()).isEqualTo(2);
		assertThatExceptionOfType(Forbidden.class).as("the provider decides only after the compliance check")
			.isThrownBy(() -> run(this.data.approver(), () -> this.workflow.approve(submitted.id(), Decision.NONE)));

		this.clock.set(LocalDateTime.of(2025, 9, 29, 10, 0));
		run(this.data.authority(), () -> this.workflow.approve(submitted.id(), Decision.NONE));
		RequestView atProvider = view(submitted.id());
		// Ten working days from Monday 29 September: the 30th, then 9, 10, 11 (调休), 13 … 17 and 20 October.
		assertThat(atProvider.stage()).isEqualTo(Stage.PROVIDER);
		assertThat(atProvider.dueDate()).isEqualTo(LocalDate.of(2025, 10, 20));
		assertThat(as(this.data.approver(), this.queues::awaiting)).extracting(RequestView::id).contains(submitted.id());

		this.clock.set(LocalDateTime.of(2025, 10, 9, 15, 0));
		run(this.data.approver(), () -> this.workflow.approve(submitted.id(),
				new Decision(List.of("dabh", "mbbs"), LocalDate.of(2025, 12, 31), null, "仅提供核查所需数据项")));
		RequestView approved = view(submitted.id());
		assertThat(approved.status()).isEqualTo(RequestStatus.APPROVED);
		assertThat(approved.decisionDays()).as("28, 29, 30 September and 9 October").isEqualTo(4);
		assertThat(approved.grant().fields()).containsExactly("dabh", "mbbs");
		assertThat(approved.grant().validUntil()).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(approved.grant().masked()).isTrue();
		assertThat(this.targets.delivers(approved.grant().targetName())).isTrue();
		assertThat(as(this.data.consumer(), this.queues::grants)).extracting(Grant::id).containsExactly(approved.grant().id());
	}

	@Test
	void providerDeadlineFromAFridayEveningCrossesNationalDayAndTheRequestTurnsOverdueForTheRegionsAuditors() {
		this.clock.set(LocalDateTime.of(2025, 9, 26, 20, 30));
		RequestView submitted = submit(this.data.request(this.data.gaotangRecords, LocalDate.of(2026, 3, 31), "dabh", "xm"));
		assertThat(submitted.stage()).as("高唐县 has no compliance stage").isEqualTo(Stage.PROVIDER);
		assertThat(submitted.dueDate()).isEqualTo(LocalDate.of(2025, 10, 16));

		this.clock.set(LocalDateTime.of(2025, 10, 11, 9, 0));
		assertThat(view(submitted.id()).daysLeft()).as("13 to 16 October").isEqualTo(4);

		this.clock.set(LocalDateTime.of(2025, 10, 17, 9, 0));
		RequestView late = view(submitted.id());
		assertThat(late.overdue()).isTrue();
		assertThat(late.daysLeft()).isEqualTo(-1);
		assertThat(as(this.data.auditor("371500"), () -> this.queues.overdue("371500")).items())
			.extracting(RequestView::id).contains(submitted.id());
		assertThat(as(this.data.auditor("371525"), () -> this.queues.overdue("371525")).items())
			.extracting(RequestView::id).doesNotContain(submitted.id());
		assertThatExceptionOfType(Forbidden.class)
			.isThrownBy(() -> as(this.data.auditor("371525"), () -> this.queues.overdue("371526")));
	}

	@Test
	void unconditionalResourceIsGrantedAtOnceWithItsDeliveryTarget() {
		RequestView granted = submit(this.data.request(this.data.clinics, LocalDate.of(2025, 12, 31), "dabh", "xm"));

		assertThat(granted.status()).isEqualTo(RequestStatus.APPROVED);
		assertThat(granted.stage()).isNull();
		assertThat(granted.grant().status()).isEqualTo(GrantStatus.ACTIVE);
		assertThat(granted.grant().fields()).containsExactly("dabh", "xm");
		assertThat(this.targets.delivers(granted.grant().targetName())).isTrue();
	}

	@Test
	void notSharedResourceIsRefusedCitingItsLegalBasis() {
		assertThat(refused(this.data.request(this.data.infections, LocalDate.of(2025, 12, 31), "dabh")))
			.singleElement().satisfies(v -> {
				assertThat(v.field()).isEqualTo("resourceCode");
				assertThat(v.message()).contains("《中华人民共和国个人信息保护法》第三十四条");
			});
	}

	@Test
	void unknownFieldsAPastDateAndAPeriodBeyondTheMaximumAreRefusedTogetherNamingEachField() {
		assertThat(refused(this.data.request(this.data.records, LocalDate.of(2025, 8, 31), "dabh", "hyzk", "dabh")))
			.extracting(Violation::field).containsExactlyInAnyOrder("fields[1]", "fields[2]", "validUntil");
		assertThat(refused(this.data.request(this.data.records, LocalDate.of(2026, 9, 2), "dabh")))
			.extracting(Violation::field).containsExactly("validUntil");
	}

	@Test
	void draftAndRetiredResourcesAreNotRequested() {
		assertThat(refused(this.data.request(this.data.draft, LocalDate.of(2025, 12, 31), "dabh")))
			.extracting(Violation::field).containsExactly("resourceCode");
		assertThat(refused(this.data.request(this.data.retired, LocalDate.of(2025, 12, 31), "dabh")))
			.extracting(Violation::field).containsExactly("resourceCode");
	}

	@Test
	void aSecondOpenRequestForTheSameResourceIsAConflictAndAfterTheDecisionAllowed() {
		RequestView first = submit(this.data.request(this.data.gaotangRecords, LocalDate.of(2025, 12, 31), "dabh"));
		assertThatExceptionOfType(CatalogueConflict.class)
			.isThrownBy(() -> submit(this.data.request(this.data.gaotangRecords, LocalDate.of(2025, 12, 31), "xm")))
			.satisfies(ex -> assertThat(ex.field()).isEqualTo("resourceCode"));

		run(this.data.gaotangApprover(), () -> this.workflow.reject(first.id(),
				new Decision(null, null, null, "申请用途与所需数据项不匹配")));
		assertThat(submit(this.data.request(this.data.gaotangRecords, LocalDate.of(2025, 12, 31), "xm")).status())
			.isEqualTo(RequestStatus.SUBMITTED);
	}

	@Test
	void onlyTheConsumersOwnAccountsSubmitAndNeverAnAdmin() {
		AccessRequestForm form = this.data.request(this.data.records, LocalDate.of(2025, 12, 31), "dabh");
		Caller otherConsumer = new Caller("wjw-consumer", this.data.health, null, java.util.Set.of(Role.CONSUMER));
		Caller admin = new Caller("admin", null, null, java.util.Set.of(Role.ADMIN));

		assertThatExceptionOfType(Forbidden.class).isThrownBy(() -> as(otherConsumer, () -> this.workflow.submit(form)));
		assertThatExceptionOfType(Forbidden.class).isThrownBy(() -> as(admin, () -> this.workflow.submit(form)));
		assertThatExceptionOfType(Forbidden.class).isThrownBy(() -> this.workflow.submit(form));
	}

	@Test
	void onlyTheProvidersApproversDecideAndARejectionNeedsItsReason() {
		RequestView submitted = submit(this.data.request(this.data.gaotangRecords, LocalDate.of(2025, 12, 31), "dabh", "xm"));

		assertThatExceptionOfType(Forbidden.class).as("冠县卫生健康委员会 does not decide for 高唐县")
			.isThrownBy(() -> run(this.data.approver(), () -> this.workflow.approve(submitted.id(), Decision.NONE)));
		assertThatExceptionOfType(InvalidInput.class)
			.isThrownBy(() -> run(this.data.gaotangApprover(), () -> this.workflow.reject(submitted.id(), Decision.NONE)))
			.satisfies(ex -> assertThat(ex.violations()).extracting(Violation::field).containsExactly("decisionReason"));
		assertThatExceptionOfType(InvalidInput.class).as("an approval narrows, never widens")
			.isThrownBy(() -> run(this.data.gaotangApprover(), () -> this.workflow.approve(submitted.id(),
					new Decision(List.of("dabh", "sfzhm"), LocalDate.of(2026, 1, 31), null, null))))
			.satisfies(ex -> assertThat(ex.violations()).extracting(Violation::field)
				.containsExactlyInAnyOrder("fields[1]", "validUntil"));
		assertThat(view(submitted.id()).status()).as("nothing half-applied").isEqualTo(RequestStatus.SUBMITTED);

		run(this.data.gaotangApprover(), () -> this.workflow.reject(submitted.id(),
				new Decision(null, null, null, "未提供立案决定书，不符合共享条件")));
		RequestView rejected = view(submitted.id());
		assertThat(rejected.status()).isEqualTo(RequestStatus.REJECTED);
		assertThat(rejected.decisionReason()).isEqualTo("未提供立案决定书，不符合共享条件");
		assertThat(rejected.grant()).isNull();
	}

	private RequestView submit(AccessRequestForm form) {
		return as(this.data.consumer(), () -> this.queues.one(this.workflow.submit(form)));
	}

	private RequestView view(long id) {
		return as(this.data.consumer(), () -> this.queues.one(id));
	}

	private List<Violation> refused(AccessRequestForm form) {
		InvalidInput refused = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInput.class,
				() -> as(this.data.consumer(), () -> this.workflow.submit(form)));
		assertThat(refused).as("refused").isNotNull();
		assertThat(as(this.data.consumer(), this.queues::mine)).as("nothing stored")
			.noneMatch(r -> r.resourceCode().equals(form.resourceCode()) && r.fields().equals(form.fields()));
		return refused.violations();
	}

}
