export function OptionsApp() {
  return (
    <main>
      <h1>Person First options</h1>
    </main>
  );
}
