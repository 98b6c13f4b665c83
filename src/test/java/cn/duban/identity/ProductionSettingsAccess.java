package cn.duban.identity;

import java.util.List;
import java.util.Map;

/** ProductionSettings' check, for tests of other packages (the operations docs' sample settings). */
public final class ProductionSettingsAccess {

    private ProductionSettingsAccess() {}

    public static List<String> problems(Map<String, String> settings) {
        return ProductionSettings.problems(settings::get).stream().map(ProductionNotReady.Problem::en).toList();
    }
}
