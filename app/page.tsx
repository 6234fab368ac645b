export default function Home() {
  return <main>AegisOS Comply</main>;
}
