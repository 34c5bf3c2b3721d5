package org.gongzhi.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataScopeTest {

	static final String STREET = "110199001";

	static final String COMMUNITY = "110199001002";

	static final String GRID = "110199001002003";

	@Test
	void everythingCoversEveryArea() {
		DataScope all = DataScope.everything();
		assertThat(all.covers(STREET)).isTrue();
		assertThat(all.covers("310101")).isTrue();
		assertThat(all.isEmpty()).isFalse();
		assertThat(all.isAncestorOfRoot(STREET)).isFalse();
	}

	@Test
	void anAreaScopeCoversItsRootAndEverythingBelow() {
		DataScope community = DataScope.area(COMMUNITY);
		assertThat(community.covers(COMMUNITY)).isTrue();
		assertThat(community.covers(GRID)).isTrue();
		assertThat(community.covers(GRID + "0001")).isTrue();
	}

	@Test
	void anAreaScopeDoesNotCoverParentsSiblingsOrCousins() {
		DataScope community = DataScope.area(COMMUNITY);
		assertThat(community.covers(STREET)).as("the parent street").isFalse();
		assertThat(community.covers("110199001003")).as("a sibling community").isFalse();
		assertThat(community.covers("110199001003001")).as("a grid of the sibling").isFalse();
		assertThat(community.covers("110199002002")).as("same number in another street").isFalse();
		assertThat(community.covers(null)).isFalse();
		assertThat(community.covers("")).isFalse();
	}

	@Test
	void noScopeCoversNothing() {
		DataScope none = DataScope.none();
		assertThat(none.covers(STREET)).isFalse();
		assertThat(none.covers("")).isFalse();
		assertThat(none.isEmpty()).isTrue();
	}

	@Test
	void aDepartmentOnlyScopeReachesNoAreaData() {
		DataScope department = new DataScope(false, null, "CGZF");
		assertThat(department.covers(STREET)).isFalse();
		assertThat(department.isEmpty()).isTrue();
	}

	@Test
	void ancestorsOfTheRootAreContextNotScope() {
		DataScope community = DataScope.area(COMMUNITY);
		assertThat(community.isAncestorOfRoot(STREET)).isTrue();
		assertThat(community.isAncestorOfRoot("110199")).isTrue();
		assertThat(community.isAncestorOfRoot(COMMUNITY)).as("the root itself").isFalse();
		assertThat(community.isAncestorOfRoot(GRID)).as("a descendant").isFalse();
		assertThat(community.isAncestorOfRoot("110199002")).as("another street").isFalse();
	}

}
