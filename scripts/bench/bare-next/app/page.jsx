export default function Page() {
  return (
    <main style={{ maxWidth: 640, margin: "0 auto", padding: 16 }}>
      <h1>A bare Next.js page</h1>
      <p>Server-rendered text and nothing else: the floor any page of the app is compared with.</p>
    </main>
  );
}
