package org.gongzhi.area;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AreaLevelTest {

	@Test
	void theLevelOfACodeFollowsItsLength() {
		assertThat(AreaLevel.ofCode("110199")).isEqualTo(AreaLevel.DISTRICT);
		assertThat(AreaLevel.ofCode("110199001")).isEqualTo(AreaLevel.STREET);
		assertThat(AreaLevel.ofCode("110199001001")).isEqualTo(AreaLevel.COMMUNITY);
		assertThat(AreaLevel.ofCode("110199001001001")).isEqualTo(AreaLevel.GRID);
		assertThat(AreaLevel.ofCode("110199001001001003")).isEqualTo(AreaLevel.BUILDING);
		assertThat(AreaLevel.ofCode("11019900100100100302")).isEqualTo(AreaLevel.UNIT);
		assertThat(AreaLevel.ofCode("110199001001001003020301")).isEqualTo(AreaLevel.ROOM);
	}

	@Test
	void codesOfNoLevelHaveNone() {
		assertThat(AreaLevel.ofCode(null)).isNull();
		assertThat(AreaLevel.ofCode("")).isNull();
		assertThat(AreaLevel.ofCode("11019")).isNull();
		assertThat(AreaLevel.ofCode("1101990")).isNull();
		assertThat(AreaLevel.ofCode("1101990010010010")).isNull();
		assertThat(AreaLevel.ofCode("1101990010010010030203011")).isNull();
	}

	@Test
	void eachLevelHasTheNextOneBelowItDownToRooms() {
		assertThat(AreaLevel.DISTRICT.child()).isEqualTo(AreaLevel.STREET);
		assertThat(AreaLevel.COMMUNITY.child()).isEqualTo(AreaLevel.GRID);
		assertThat(AreaLevel.UNIT.child()).isEqualTo(AreaLevel.ROOM);
		assertThat(AreaLevel.ROOM.child()).isNull();
		for (AreaLevel level : AreaLevel.values()) {
			if (level.child() != null) {
				assertThat(level.child().codeLength()).isGreaterThan(level.codeLength());
			}
		}
	}

}
