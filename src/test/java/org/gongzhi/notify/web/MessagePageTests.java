package org.gongzhi.notify.web;

import java.util.List;

import org.gongzhi.identity.GongzhiUser;
import org.gongzhi.identity.TestAccounts;
import org.gongzhi.identity.UserAccounts;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.notify.MessageView;
import org.gongzhi.notify.NotifyApi;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The message page (消息) as a resident uses it on a phone: only their own messages, newest first and paged, unread
 * ones in bold, reading one or all of them, and the unread count the navigation badge shows.
 */
@GongzhiTest
class MessagePageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	NotifyApi notify;

	@Autowired
	UserAccounts userAccounts;

	@Autowired
	SignInService signIn;

	@Autowired
	JdbcClient jdbc;

	TestAccounts accounts;

	@BeforeEach
	void setUp() {
		accounts = new TestAccounts(userAccounts, signIn, mvc);
	}

	/** A fresh resident with an empty inbox. */
	private GongzhiUser freshResident(String prefix) {
		return signIn.loadUserByUsername(accounts.resident(prefix));
	}

	private static RequestPostProcessor as(GongzhiUser user) {
		return user(user);
	}

	private String page(GongzhiUser user) {
		var result = mvc.get().uri("/messages").with(as(user)).exchange();
		assertThat(result).hasStatusOk();
		try {
			return result.getResponse().getContentAsString();
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The list item of one message. */
	private static String item(String html, long id) {
		int start = html.indexOf("id=\"message-" + id + "\"");
		assertThat(start).as("message %d on the page", id).isNotNegative();
		return html.substring(start, html.indexOf("</li>", start));
	}

	@Test
	void aResidentSeesOnlyTheirOwnMessagesNewestFirst() {
		GongzhiUser alice = freshResident("ma");
		GongzhiUser bob = freshResident("mb");
		notify.notifyUser(alice.id(), "社区通知：周六义诊", "地点：社区卫生服务站", "/my-grid");
		notify.notifyUser(alice.id(), "您反映的问题 GZ202603020009 已派遣", "办理说明：已派往第一网格", "/cases/GZ202603020009");
		notify.notifyUser(bob.id(), "鲍勃的私人消息", null, null);

		assertThat(mvc.get().uri("/messages").with(as(alice))).hasStatusOk().bodyText()
			.contains("社区通知：周六义诊", "地点：社区卫生服务站", "您反映的问题 GZ202603020009 已派遣", "未读 2 条")
			.doesNotContain("鲍勃的私人消息")
			.satisfies(html -> assertThat(html.indexOf("GZ202603020009")).isLessThan(html.indexOf("周六义诊")));
		assertThat(mvc.get().uri("/messages").with(as(bob))).hasStatusOk().bodyText()
			.contains("鲍勃的私人消息").doesNotContain("周六义诊");
	}

	@Test
	void unreadMessagesAreBoldUntilRead() {
		GongzhiUser resident = freshResident("mr");
		notify.notifyUser(resident.id(), "请确认门牌信息", null, null);
		long id = notify.latest(resident.id(), 0, 1).get(0).id();

		assertThat(item(page(resident), id)).contains("fw-bold", "未读", "请确认门牌信息", "标为已读");
		assertThat(notify.unreadCount(resident.id())).isEqualTo(1);

		assertThat(mvc.post().uri("/messages/{id}/read", id).with(as(resident)).with(csrf()))
			.hasRedirectedUrl("/messages");

		assertThat(notify.unreadCount(resident.id())).isZero();
		String html = page(resident);
		assertThat(html).contains("未读 0 条").doesNotContain("messages-read-all");
		assertThat(item(html, id)).contains("请确认门牌信息").doesNotContain("fw-bold", "未读", "标为已读");
	}

	@Test
	void openingAMessageMarksItReadAndFollowsItsLink() {
		GongzhiUser resident = freshResident("mo");
		notify.notifyUser(resident.id(), "您反映的问题 GZ202603020010 已结案 — 请您评价", null, "/cases/GZ202603020010");
		long id = notify.latest(resident.id(), 0, 1).get(0).id();

		assertThat(mvc.post().uri("/messages/{id}/read", id).param("open", "true").with(as(resident)).with(csrf()))
			.hasRedirectedUrl("/cases/GZ202603020010");
		assertThat(notify.latest(resident.id(), 0, 1).get(0).unread()).isFalse();
		assertThat(mvc.get().uri("/messages").with(as(resident))).bodyText()
			.contains("href=\"/cases/GZ202603020010\"");
	}

	@Test
	void markAllReadClearsTheCountAfterConfirmation() {
		GongzhiUser resident = freshResident("mall");
		for (int i = 1; i <= 3; i++) {
			notify.notifyUser(resident.id(), "活动通知 " + i, null, null);
		}
		assertThat(mvc.get().uri("/messages").with(as(resident))).bodyText()
			.containsPattern("id=\"messages-read-all\"[^>]*data-confirm=\"确定将全部消息标为已读吗？\"");

		assertThat(mvc.post().uri("/messages/read-all").with(as(resident)).with(csrf()))
			.hasRedirectedUrl("/messages").flash().containsEntry("notice", "notify.allRead");

		assertThat(notify.unreadCount(resident.id())).isZero();
		assertThat(notify.latest(resident.id(), 0, 10)).hasSize(3).noneMatch(MessageView::unread);
	}

	@Test
	void markingNeedsAFormToken() {
		GongzhiUser resident = freshResident("mcsrf");
		notify.notifyUser(resident.id(), "需要令牌", null, null);

		assertThat(mvc.post().uri("/messages/read-all").with(as(resident))).hasStatus(403);
		assertThat(notify.unreadCount(resident.id())).isEqualTo(1);
	}

	@Test
	void anotherUsersMessageCannotBeMarked() {
		GongzhiUser owner = freshResident("mown");
		GongzhiUser other = freshResident("moth");
		notify.notifyUser(owner.id(), "只给本人看的消息", null, null);
		long id = notify.latest(owner.id(), 0, 1).get(0).id();

		assertThat(mvc.post().uri("/messages/{id}/read", id).with(as(other)).with(csrf())).hasStatus(404);
		assertThat(mvc.post().uri("/messages/{id}/read", Long.MAX_VALUE).with(as(owner)).with(csrf()))
			.hasStatus(404);
		assertThat(notify.unreadCount(owner.id())).isEqualTo(1);
	}

	@Test
	void longInboxesArePaged() {
		GongzhiUser resident = freshResident("mpage");
		for (int i = 1; i <= 25; i++) {
			notify.notifyUser(resident.id(), String.format("第%02d条通知", i), null, null);
		}

		assertThat(mvc.get().uri("/messages").with(as(resident))).hasStatusOk().bodyText()
			.contains("第25条通知", "第06条通知", "共 25 条", "第 1 / 2 页").doesNotContain("第05条通知");
		assertThat(mvc.get().uri("/messages").param("page", "1").with(as(resident))).hasStatusOk().bodyText()
			.contains("第05条通知", "第01条通知", "第 2 / 2 页").doesNotContain("第06条通知");
		assertThat(mvc.get().uri("/messages").param("page", "1").header("HX-Request", "true").with(as(resident)))
			.hasStatusOk().bodyText().contains("第05条通知").doesNotContain("<html");
		assertThat(notify.latest(resident.id(), 2, 10)).extracting(MessageView::title)
			.containsExactly("第05条通知", "第04条通知", "第03条通知", "第02条通知", "第01条通知");
	}

	@Test
	void anEmptyInboxSaysSo() {
		GongzhiUser resident = freshResident("mempty");

		assertThat(mvc.get().uri("/messages").with(as(resident))).hasStatusOk().bodyText().contains("暂无消息")
			.doesNotContain("messages-read-all");
	}

	@Test
	void everyPageCarriesTheUnreadCountForTheBadge() {
		GongzhiUser resident = freshResident("mbadge");
		notify.notifyUser(resident.id(), "一", null, null);
		notify.notifyUser(resident.id(), "二", null, null);

		assertThat(mvc.get().uri("/").with(as(resident))).hasStatusOk().bodyText().contains("未读消息 2 条");
		assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().doesNotContain("未读消息");
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() {
		assertThat(mvc.get().uri("/messages")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
	}

	@Test
	void aKnownMobileNumberAlsoGetsAnSmsInTheOutboxMasked() {
		GongzhiUser resident = freshResident("msms");
		long before = jdbc.sql("select count(*) from notify.sms_outbox").query(Long.class).single();

		notify.notifyUser(resident.id(), "明日停水通知", "8:00-12:00 停水检修", null, "13812345678");
		notify.notifyUser(resident.id(), "只发站内信", null, null, "138****5678");

		assertThat(notify.unreadCount(resident.id())).isEqualTo(2);
		List<String> rows = jdbc.sql("select phone_masked || ' ' || text from notify.sms_outbox order by id desc")
			.query(String.class).list();
		assertThat(rows.size() - before).isEqualTo(1);
		assertThat(rows.get(0)).isEqualTo("138****5678 【共治】明日停水通知。8:00-12:00 停水检修");
	}

	@Test
	void messagesOnlyLinkInsideTheApplication() {
		GongzhiUser resident = freshResident("mlink");

		assertThatIllegalArgumentException()
			.isThrownBy(() -> notify.notifyUser(resident.id(), "钓鱼", null, "https://evil.example/"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> notify.notifyUser(resident.id(), "钓鱼", null, "//evil.example/"));
		assertThatIllegalArgumentException().isThrownBy(() -> notify.notifyUser(resident.id(), " ", null, null));
		assertThat(notify.unreadCount(resident.id())).isZero();
	}

}
