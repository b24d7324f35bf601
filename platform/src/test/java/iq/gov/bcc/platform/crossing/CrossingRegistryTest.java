package iq.gov.bcc.platform.crossing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossingRegistryTest {

    @Test
    void shipsTheTwentyTwoLandCrossingsWithArabicNames() {
        CrossingRegistry registry = new CrossingRegistry(Optional.empty());
        assertThat(registry.all()).hasSize(22).allMatch(c -> c.kind() == Crossing.Kind.LAND);
        assertThat(registry.find("SHL")).get()
                .extracting(Crossing::nameEn, Crossing::nameAr, Crossing::neighbourCountry, Crossing::region)
                .containsExactly("Al-Shalamcha", "الشلامجة", "IR", Crossing.Region.FEDERAL);
        assertThat(registry.find("IKH")).get().extracting(Crossing::region).isEqualTo(Crossing.Region.KURDISTAN);
        assertThat(registry.all().stream().map(Crossing::neighbourCountry).distinct())
                .containsExactlyInAnyOrder("IR", "TR", "SY", "JO", "SA", "KW");
        assertThat(registry.exists("XXX")).isFalse();
        assertThat(registry.exists(null)).isFalse();
    }

    @Test
    void anAdministratorsFileReplacesTheShippedRegistryAndFitsPortsAndAirports(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("crossings.csv");
        Files.writeString(file, "code,name_en,name_ar,kind,neighbour_country,governorate,region\n"
                + "UMQ,Umm Qasr North Port,ميناء أم قصر الشمالي,SEA,,Basra,FEDERAL\n"
                + "BGW,Baghdad International Airport,مطار بغداد الدولي,AIR,,Baghdad,FEDERAL\n");
        CrossingRegistry registry = new CrossingRegistry(Optional.of(file.toString()));
        assertThat(registry.all()).extracting(Crossing::kind).containsExactly(Crossing.Kind.SEA, Crossing.Kind.AIR);
        assertThat(registry.find("UMQ")).get().extracting(Crossing::nameAr).isEqualTo("ميناء أم قصر الشمالي");
    }

    @Test
    void aBrokenFileIsRefusedWithItsLineNumber() {
        String header = "code,name_en,name_ar,kind,neighbour_country,governorate,region\n";
        assertThatThrownBy(() -> CrossingRegistry.parse(header + "SHL,A,B,LAND,IR,Basra,FEDERAL\nSHL,A,B,LAND,IR,X,FEDERAL\n", "f"))
                .hasMessageContaining("f line 3").hasMessageContaining("duplicate code SHL");
        assertThatThrownBy(() -> CrossingRegistry.parse(header + "SHL,A,B,BOAT,IR,Basra,FEDERAL\n", "f"))
                .hasMessageContaining("f line 2");
        assertThatThrownBy(() -> CrossingRegistry.parse(header + "sh,A,B,LAND,IR,Basra,FEDERAL\n", "f"))
                .hasMessageContaining("three capital letters");
        assertThatThrownBy(() -> CrossingRegistry.parse("code,name\n", "f")).hasMessageContaining("first line");
    }
}
