package org.gongzhi.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.gongzhi.area.Areas;
import org.gongzhi.identity.domain.SignInService;
import org.gongzhi.people.HouseQuery;
import org.gongzhi.people.HouseUse;
import org.gongzhi.people.HouseView;
import org.gongzhi.people.Houses;
import org.gongzhi.people.PeopleFixtures;
import org.gongzhi.people.domain.NamePinyin;
import org.gongzhi.people.web.ImportPageTests;
import org.gongzhi.people.web.ImportPageTests.Room;
import org.gongzhi.support.Browser;
import org.gongzhi.support.GongzhiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people registry in a real headless Chromium: community staff import a template-shaped file and watch its
 * progress, find the new resident by pinyin initials and open the card; the grid worker finds them on a phone-sized
 * window and records a visit. A file with bad rows shows every error and imports nothing. Skipped (visibly) where
 * Chromium and ChromeDriver are not installed.
 */
@GongzhiTest
class PeopleBrowserTests {

	static final String GRID = "110199001001001";

	@RegisterExtension
	static final Browser browser = Browser.window(1280, 900);

	@LocalServerPort
	int port;

	@Autowired
	Houses houses;

	@Autowired
	Areas areas;

	@Autowired
	SignInService signIn;

	@Test
	void importSearchByPinyinOpenTheCardAndRecordAVisitOnAPhone() throws IOException {
		Room room = vacantRoom();
		Random random = new Random();
		Path file = Files.createTempFile("residents", ".xlsx");
		Files.write(file, ImportPageTests.xlsx(List.of(
				ImportPageTests.row("上官婉儿", "女", LocalDate.of(1941, 9, 17),
						ImportPageTests.validId(LocalDate.of(1941, 9, 17), false, random), "13611112222", room, "户主",
						"独居老人"),
				ImportPageTests.row("上官仪", "男", LocalDate.of(1966, 3, 2),
						ImportPageTests.validId(LocalDate.of(1966, 3, 2), true, random), "13611113333", room, "子女",
						""))));

		// community staff import the file and watch the progress
		browser.driver().manage().window().setSize(new Dimension(1280, 900));
		signIn("community");
		browser.find(By.cssSelector("header a[href='/people']")).click();
		browser.find(By.id("people-import-link")).click();
		assertThat(browser.find(By.id("import-template")).getAttribute("href")).endsWith("/people/import/template");
		browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		shot("people-import");
		submit(browser.find(By.id("import-submit")));
		WebElement done = wait(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-done")));
		assertThat(done.getText()).contains("已导入 2 位居民");
		assertThat(browser.find(By.id("import-bar")).getText()).isEqualTo("100%");
		shot("people-import-done");

		// and find the new resident by pinyin initials
		browser.find(By.linkText("查看居民")).click();
		search("sgwe", "上官婉儿");
		assertThat(browser.find(By.id("people-results")).getText()).doesNotContain("上官仪");
		shot("people-search");
		browser.find(By.linkText("上官婉儿")).click();
		assertThat(browser.find(By.id("person-name")).getText()).isEqualTo("上官婉儿");
		assertThat(browser.find(By.id("person-phone")).getText()).isEqualTo("136****2222");
		assertThat(browser.find(By.id("person-groups")).getText()).contains("独居老人");
		assertThat(browser.find(By.id("person-household")).getText()).contains("上官仪", "户主");
		shot("people-card");
		signOut();

		// the grid worker records a visit on a phone
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		signIn("grid");
		browser.open(url("/people"));
		search("sgwe", "上官婉儿");
		browser.find(By.cssSelector("#people-cards a.people-name")).click();
		browser.find(By.id("person-visit-link")).click();
		assertThat(browser.find(By.id("visit-whom")).getText()).contains("上官婉儿", "独居老人");
		browser.find(By.id("findings")).sendKeys("老人独自在家，精神好，燃气和门锁已检查。");
		browser.find(By.id("followUp")).sendKeys("下周电话回访");
		shot("people-visit-form");
		submit(browser.find(By.id("visit-submit")));
		WebElement notice = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .alert-success")));
		assertThat(notice.getText()).isEqualTo("走访记录已保存");
		String visitsText = browser.find(By.id("person-visits")).getText();
		assertThat(visitsText).contains("老人独自在家，精神好，燃气和门锁已检查。", "下周电话回访", "张伟（网格员）", "关爱走访");
		long width = (Long) ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollWidth");
		assertThat(width).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
		shot("people-visit-recorded");

		browser.open(url("/people/visits"));
		assertThat(browser.find(By.id("visits-title")).getText()).isEqualTo("关爱走访");
		shot("people-worklist");
		signOut();
	}

	@Test
	void aFileWithBadRowsShowsEveryErrorAndImportsNothing() throws IOException {
		Room room = vacantRoom();
		Random random = new Random();
		String badId = ImportPageTests.validId(LocalDate.of(1980, 5, 1), true, random);
		badId = badId.substring(0, 17) + (badId.charAt(17) == '0' ? '1' : '0');
		Path file = Files.createTempFile("bad-residents", ".xlsx");
		Files.write(file, ImportPageTests.xlsx(List.of(
				ImportPageTests.row("司徒雅琴", "女", LocalDate.of(1950, 1, 1),
						ImportPageTests.validId(LocalDate.of(1950, 1, 1), false, random), "13822223333", room, "户主", ""),
				ImportPageTests.row("司徒雅文", "男", LocalDate.of(1980, 5, 1), badId, "13822224444", room, "配偶", ""),
				ImportPageTests.row("", "男", LocalDate.of(1981, 5, 1),
						ImportPageTests.validId(LocalDate.of(1981, 5, 1), true, random), "12345", room, "子女", "贫困户"))));

		browser.driver().manage().window().setSize(new Dimension(1280, 900));
		signIn("community");
		browser.open(url("/people/import"));
		browser.find(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		submit(browser.find(By.id("import-submit")));
		WebElement rejected = wait(60).until(ExpectedConditions.visibilityOfElementLocated(By.id("import-rejected")));
		assertThat(rejected.getText()).contains("整份文件未导入任何数据");
		List<WebElement> errors = browser.findAll(By.cssSelector("#import-errors tr.import-error"));
		assertThat(errors).hasSizeGreaterThanOrEqualTo(4);
		String table = browser.find(By.id("import-errors")).getText();
		assertThat(table).contains("证件号码", "姓名", "联系电话", "关爱类别");
		assertThat(errors).allSatisfy(e -> assertThat(e.findElement(By.tagName("td")).getText()).isIn("3", "4"));
		shot("people-import-rejected");

		browser.open(url("/people"));
		browser.find(By.id("q")).sendKeys("司徒雅琴");
		wait(10).until(ExpectedConditions.presenceOfElementLocated(By.id("people-empty")));
		assertThat(browser.find(By.id("people-empty")).getText()).contains("没有符合条件的记录");
		signOut();
	}

	@Test
	void aResidentRegisteredByHandIsFoundByPinyinInitialsAndShowsTheirCard() {
		List<HouseView> vacant = houses.search(signIn.loadUserByUsername("admin"),
				new HouseQuery(GRID, HouseUse.VACANT, null, 0, 100)).items();
		String code = vacant.get(new Random().nextInt(vacant.size())).roomCode();
		String unit = areas.find(code).orElseThrow().parentCode();
		String building = areas.find(unit).orElseThrow().parentCode();
		String name = "东方" + PeopleFixtures.rare(2);
		String initials = NamePinyin.of(name).initials();
		String id = PeopleFixtures.idNumber(LocalDate.of(1938, 12, 24), false);

		browser.driver().manage().window().setSize(new Dimension(1280, 900));
		signIn("community");
		browser.open(url("/people"));
		browser.find(By.id("people-new-link")).click();
		assertThat(browser.find(By.id("resident-form-title")).getText()).isEqualTo("新增居民");
		browser.find(By.id("name")).sendKeys(name);
		browser.find(By.id("idNumber")).sendKeys(id);
		browser.find(By.id("phone")).sendKeys("13912340000");
		choose("community", "110199001001");
		choose("building", building);
		choose("unit", unit);
		choose("livingRoomCode", code);
		// the address picker may still redraw and shift the page: scroll and click again until the click lands
		WebElement solitary = wait(10).ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
			.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
				WebElement box = d.findElements(By.cssSelector("input[name='groupCodes']")).stream()
					.filter(b -> "SOLITARY_ELDER".equals(b.getDomProperty("value"))).findFirst().orElseThrow();
				((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", box);
				if (!box.isSelected()) {
					try {
						box.click();
					}
					catch (org.openqa.selenium.ElementClickInterceptedException covered) {
						// near the foot of a short page the box cannot be scrolled clear of what lies over it
						// (seen for 10 s in a row under load): tick it the way its label would
						((JavascriptExecutor) d).executeScript("arguments[0].click();", box);
					}
				}
				return box.isSelected() ? box : null;
			});
		assertThat(solitary.isSelected()).isTrue();
		shot("people-new-resident");
		submit(browser.find(By.id("resident-submit")));

		WebElement notice = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main .alert-success")));
		assertThat(notice.getText()).isEqualTo("已登记居民");
		assertThat(browser.find(By.id("person-name")).getText()).isEqualTo(name);
		assertThat(browser.find(By.id("person-basics")).getText()).contains("女");
		assertThat(browser.find(By.id("person-phone")).getText()).isEqualTo("139****0000");
		assertThat(browser.find(By.id("person-groups")).getText()).contains("独居老人");

		browser.open(url("/people"));
		search(initials, name);
		browser.find(By.linkText(name)).click();
		assertThat(browser.find(By.id("person-name")).getText()).isEqualTo(name);
		assertThat(browser.find(By.id("person-id")).getText())
			.isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
		assertThat(browser.find(By.id("person-cases")).getText()).contains("暂无该居民反映的诉求");
		shot("people-new-resident-card");
		signOut();
	}

	/** Picks an option of a select once htmx has loaded it (the address picker redraws after every choice). */
	private void choose(String selectId, String value) {
		wait(10).ignoring(StaleElementReferenceException.class).until(d -> {
			WebElement select = d.findElement(By.id(selectId));
			if (!select.isEnabled() || select.findElements(By.cssSelector("option[value='" + value + "']")).isEmpty()) {
				return false;
			}
			new Select(select).selectByValue(value);
			return true;
		});
		wait(10).ignoring(StaleElementReferenceException.class)
			.until(d -> value.equals(d.findElement(By.id(selectId)).getDomProperty("value")));
	}

	/** A vacant room of the grid worker's grid, so the imported people form a household of their own there. */
	private Room vacantRoom() {
		List<HouseView> vacant = houses.search(signIn.loadUserByUsername("admin"),
				new HouseQuery(GRID, HouseUse.VACANT, null, 0, 100)).items();
		return ImportPageTests.room(areas, vacant.get(new Random().nextInt(vacant.size())).roomCode());
	}

	/** Types into the one search box and waits for the htmx results to show the expected name. */
	private void search(String q, String expected) {
		WebElement box = browser.find(By.id("q"));
		box.clear();
		box.sendKeys(q);
		// htmx may answer a prefix of the query first; the pushed address says the whole query's answer is shown
		wait(10).until(ExpectedConditions.urlContains("q=" + q));
		wait(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("people-results"), expected));
	}

	private void submit(WebElement button) {
		browser.submit(button);
	}

	private WebDriverWait wait(int seconds) {
		return browser.waiting(seconds);
	}

	private void signIn(String username) {
		browser.signIn(url("/login"), username, Browser.PASSWORD);
	}

	private void signOut() {
		browser.signOut();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private static void shot(String name) {
		browser.shot(name);
	}

}
