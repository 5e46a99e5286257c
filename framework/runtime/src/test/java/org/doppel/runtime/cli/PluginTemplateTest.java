package org.doppel.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginTemplateTest {

  @TempDir
  Path folder;

  @Test
  void placeholdersAreReplacedInPathsAndText() throws Exception {
    Path template = folder.resolve("template");
    Path source = template.resolve("src/main/java/__package_path__/__Name__Domain.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package __package__;\n// __title__ (__id__) in __group__,"
        + " artifacts from __sdk_repo__\nclass __Name__Domain {}\n");

    List<Path> written = PluginTemplate.forId("thermal-room", "file:/opt/doppel/sdk-repo/")
        .write(template, folder.resolve("out"));

    Path java = Path.of("src/main/java/org/example/thermalroom/ThermalRoomDomain.java");
    assertEquals(List.of(java), written);
    assertEquals("package org.example.thermalroom;\n// Thermal room (thermal-room) in"
        + " org.example, artifacts from file:/opt/doppel/sdk-repo/\nclass ThermalRoomDomain"
        + " {}\n", Files.readString(folder.resolve("out").resolve(java)));
  }

  @Test
  void anIdThatIsNoPluginIdIsRefusedWithTheRule() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> PluginTemplate.forId("Thermal_Room", "file:/x"));

    assertTrue(error.getMessage().contains("lower-case words joined by hyphens"),
        error.getMessage());
  }

  @Test
  void aFolderThatHoldsFilesIsNotOverwritten() throws Exception {
    Path template = Files.createDirectories(folder.resolve("template"));
    Files.writeString(template.resolve("README.md"), "__id__");
    Path target = Files.createDirectories(folder.resolve("taken"));
    Files.writeString(target.resolve("keep.txt"), "mine");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> PluginTemplate.forId("tank", "file:/x").write(template, target));

    assertTrue(error.getMessage().contains("already exists"), error.getMessage());
    assertEquals("mine", Files.readString(target.resolve("keep.txt")));
  }
}
