package dev.netpolplayground.store;

/** Saves one scenario, prints its id and waits to be killed; see H2ScenarioStoreTest. */
final class SaveThenHang {
    private SaveThenHang() {
    }

    public static void main(String[] args) throws InterruptedException {
        Database database = Database.open(args[0], "sa", "");
        System.out.println(database.scenarios().save(StoredScenario.scenario(args[1], "", "")));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
