package cn.duban.unit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unit registry as every other feature reads it: the one public way to the {@code duban_unit} table (its
 * repository is this package's own).
 */
@Service
@Transactional(readOnly = true)
public class Units {

    private final UnitRepository units;

    Units(UnitRepository units) {
        this.units = units;
    }

    public Optional<Unit> find(String code) {
        return units.find(code);
    }

    /** These units by code; unknown codes are left out. */
    public Map<String, Unit> findAll(List<String> codes) {
        return units.findAll(codes);
    }

    /** Every active unit, by code. */
    public List<Unit> active() {
        return units.findAll();
    }

    /** Reads these units with one query into the open {@code BatchReads} scope (a distribution batch). */
    public void preload(Collection<String> codes) {
        units.preload(codes);
    }

    /** The account of the unit's head, who approves its report when the template asks for it. */
    public String headUserOf(String code) {
        return units.headUserOf(code);
    }

    /** The codes of the active units: all of them, or those of the given types and codes (unknown codes ignored), sorted. */
    public Set<String> activeCodes(boolean all, Collection<String> types, Collection<String> codes) {
        return units.activeCodes(all, types, codes);
    }

    /** The unit types, code → Chinese name. */
    public Map<String, String> typeNames() {
        return units.types();
    }

    /** The active units under this one (its direct children in the hierarchy), by code. */
    public List<Unit> children(String code) {
        return units.activeChildren(code);
    }

    /** Every unit directly under each of these, deactivated ones too, by parent (no entry for a unit without any). */
    public Map<String, List<Unit>> allChildren(List<String> codes) {
        return units.childrenOf(codes);
    }

    /** Every unit directly under this one, deactivated ones too (a campaign that reached them keeps them). */
    public List<Unit> allChildren(String code) {
        return units.children(code);
    }

    /** The codes the registry does not know, or knows as deactivated. */
    public List<String> unknownCodes(Collection<String> codes) {
        return units.unknownCodes(codes);
    }
}
